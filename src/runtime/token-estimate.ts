import type { CompletionRequest } from '../backends/backend.js';

/** Characters per token in the prompt estimate: the usual rule of thumb for English text. */
export const CHARS_PER_TOKEN = 4;

/** Output tokens counted for a call that sets no `max_tokens`. */
export const DEFAULT_OUTPUT_TOKENS = 256;

/** Tokens a chat message costs beyond its text (role and separators), as OpenAI counts them. */
const TOKENS_PER_MESSAGE = 4;

/**
 * A cheap estimate of the tokens a request will use, charged to `tpm` before it is sent:
 * prompt characters ÷ 4 plus `max_tokens` (or 256). No tokenizer is a dependency; the provider's
 * reported usage corrects the budget when the reply comes.
 */
export function estimateTokens(request: CompletionRequest): number {
  let chars = request.prompt?.length ?? 0;
  let overhead = 0;
  for (const message of request.messages ?? []) {
    chars += message.content.length;
    overhead += TOKENS_PER_MESSAGE;
  }
  if (request.responseSchema) chars += JSON.stringify(request.responseSchema).length;
  const output = request.args.max_tokens ?? DEFAULT_OUTPUT_TOKENS;
  return Math.ceil(chars / CHARS_PER_TOKEN) + overhead + output;
}
