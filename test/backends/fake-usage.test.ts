// The fake backend's usage: counted with gpt-tokenizer (cl100k_base), or given per rule.
import { describe, expect, it } from 'vitest';
import type { CompletionRequest, Message } from '../../src/backends/backend.js';
import { createFakeBackend } from '../../src/backends/fake/fake-backend.js';
import { parseFakeSpec } from '../../src/backends/fake/load-fake-spec.js';
import { isOtError } from '../../src/diagnostics/ot-error.js';

function request(overrides: Partial<CompletionRequest>): CompletionRequest {
  return {
    prompt: null,
    messages: null,
    args: {},
    responseSchema: null,
    choices: null,
    builtin: 'generate_text',
    signal: new AbortController().signal,
    ...overrides,
  };
}

describe('fake backend usage', () => {
  it('counts the prompt’s and the reply’s tokens', async () => {
    const fake = createFakeBackend({ replies: [{ match: 'France', reply: 'Menton' }] }, 'fake');
    // cl100k_base: "Southernmost city in France?" is 6 tokens, "Menton" 2.
    expect(await fake.complete(request({ prompt: 'Southernmost city in France?' }))).toEqual({
      text: 'Menton',
      finishReason: 'stop',
      usage: { inputTokens: 6, outputTokens: 2 },
    });
  });

  it('adds up the messages’ contents, and counts the reply after stop cut it', async () => {
    const fake = createFakeBackend({ default: 'Hello there. More' }, 'fake');
    const messages: Message[] = [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
    ];
    // "Be brief." 3 + "Hi" 1; the reply cut at "." is "Hello there" (2 tokens).
    const reply = await fake.complete(request({ messages, args: { stop: ['.'] } }));
    expect(reply).toEqual({
      text: 'Hello there',
      finishReason: 'stop',
      usage: { inputTokens: 4, outputTokens: 2 },
    });
  });

  it('reports the usage a rule gives instead of counting', async () => {
    const spec = parseFakeSpec(
      'replies:\n  - match: long\n    reply: {text: "Once", finish_reason: length}\n    usage: {input: 1200, output: 64}\n',
      '/p/fake.yaml',
    );
    const fake = createFakeBackend(spec, 'fake');
    expect(await fake.complete(request({ prompt: 'a long story' }))).toEqual({
      text: 'Once',
      finishReason: 'length',
      usage: { inputTokens: 1200, outputTokens: 64 },
    });
  });

  it('rejects a usage that is not two whole token counts', () => {
    const text = 'replies:\n  - match: a\n    reply: b\n    usage: {input: -1, outptu: 2}\n';
    let messages: string[] = [];
    try {
      parseFakeSpec(text, '/p/fake.yaml');
    } catch (error) {
      if (!isOtError(error)) throw error;
      messages = error.diagnostics.map((d) => d.message);
    }
    expect(messages).toEqual([
      'unknown key `outptu` in `replies[0].usage`; expected one of: input, output',
      '`replies[0].usage.input` must be a whole number ≥ 0, not -1',
      '`replies[0].usage` is missing the required key `output`',
    ]);
  });
});
