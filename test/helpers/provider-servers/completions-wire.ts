/** A `/v1/completions` answer as OpenAI, vLLM and llama.cpp's server send it. */
export function completionAnswer(text: string, finishReason = 'stop'): object {
  return {
    id: 'cmpl-1',
    object: 'text_completion',
    created: 1_700_000_000,
    model: 'test-model',
    choices: [{ text, index: 0, logprobs: null, finish_reason: finishReason }],
    usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
  };
}

/** The `prompt` and `stop` of a recorded completions request body. */
export function promptAndStop(body: unknown): { prompt: unknown; stop: unknown } {
  const record = body as { prompt?: unknown; stop?: unknown };
  return { prompt: record.prompt, stop: record.stop };
}
