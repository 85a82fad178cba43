// `match_last` rules match the part of the prompt since the previous call, or a chat call's
// last user message; `match` keeps matching the whole prompt.
import { describe, expect, it } from 'vitest';
import type { CompletionRequest, Message } from '../../src/backends/backend.js';
import { createFakeBackend } from '../../src/backends/fake/fake-backend.js';
import { parseFakeSpec } from '../../src/backends/fake/load-fake-spec.js';
import { isOtError } from '../../src/diagnostics/ot-error.js';
import { textOf } from '../helpers/reply-text.js';

function request(changes: Partial<CompletionRequest>): CompletionRequest {
  return {
    prompt: null,
    messages: null,
    args: {},
    responseSchema: null,
    choices: null,
    builtin: 'generate_text',
    signal: new AbortController().signal,
    ...changes,
  };
}

const fake = createFakeBackend(
  {
    replies: [
      { match_last: 'first question', reply: 'first answer' },
      { match: 'second question', reply: 'second answer' },
    ],
    default: 'no rule',
  },
  'fake',
);

describe('match_last', () => {
  it('matches the text since the previous call, not the earlier questions', async () => {
    const prompt = 'The first question? first answer. The second question? ';
    expect(
      textOf(await fake.complete(request({ prompt, lastTurn: ' The second question? ' }))),
    ).toBe('second answer');
    // The same prompt matched whole (match) would have taken the first rule.
    const only = createFakeBackend({ replies: [{ match: 'first question', reply: 'x' }] }, 'f');
    expect(
      textOf(await only.complete(request({ prompt, lastTurn: ' The second question? ' }))),
    ).toBe('x');
  });

  it('matches the whole prompt when there is no previous call or the prompt is explicit', async () => {
    expect(textOf(await fake.complete(request({ prompt: 'The first question?' })))).toBe(
      'first answer',
    );
    expect(
      textOf(await fake.complete(request({ prompt: 'The first question?', lastTurn: null }))),
    ).toBe('first answer');
  });

  it('matches the last user message of a chat call', async () => {
    const messages = (last: string): Message[] => [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'The first question?' },
      { role: 'assistant', content: 'first answer' },
      { role: 'user', content: last },
    ];
    expect(textOf(await fake.complete(request({ messages: messages('Anything else?') })))).toBe(
      'no rule',
    );
    expect(
      textOf(await fake.complete(request({ messages: messages('The first question again') }))),
    ).toBe('first answer');
  });

  it('is part of the identity: the same text under match and match_last differs', () => {
    const a = createFakeBackend({ replies: [{ match: 'q', reply: 'r' }] }, 'a').identity;
    const b = createFakeBackend({ replies: [{ match_last: 'q', reply: 'r' }] }, 'b').identity;
    expect(a).not.toEqual(b);
  });

  it('takes exactly one of match and match_last, each checked like match', () => {
    const problems = (text: string): string[] => {
      try {
        parseFakeSpec(text, 'f.yaml');
        return [];
      } catch (error) {
        if (!isOtError(error)) throw error;
        return error.diagnostics.map((d) => d.message);
      }
    };
    expect(problems('replies:\n  - match_last: "/a/"\n    reply: b\n')).toEqual([]);
    expect(problems('replies:\n  - match: a\n    match_last: a\n    reply: b\n').join()).toMatch(
      /has both `match` and `match_last`/,
    );
    expect(problems('replies:\n  - reply: b\n').join()).toMatch(
      /missing the required key `match` \(or `match_last`\)/,
    );
    expect(problems('replies:\n  - match_last: "/(/"\n    reply: b\n').join()).toMatch(
      /not a valid regular expression/,
    );
  });
});
