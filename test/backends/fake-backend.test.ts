import { describe, expect, it } from 'vitest';
import type { CompletionRequest, Message } from '../../src/backends/backend.js';
import { BackendError } from '../../src/backends/backend-error.js';
import { createFakeBackend } from '../../src/backends/fake/fake-backend.js';
import type { FakeBackendSpec } from '../../src/backends/fake/fake-spec.js';
import { isOtError } from '../../src/diagnostics/ot-error.js';
import { recordingSleep } from '../helpers/provider-servers/backend-for.js';
import { textOf } from '../helpers/reply-text.js';

function prompt(text: string, signal = new AbortController().signal): CompletionRequest {
  return {
    prompt: text,
    messages: null,
    args: {},
    responseSchema: null,
    choices: null,
    builtin: 'generate_text',
    signal,
  };
}

function chat(messages: Message[]): CompletionRequest {
  return { ...prompt(''), prompt: null, messages, builtin: 'chat' };
}

async function failure(promise: Promise<unknown>): Promise<BackendError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackendError);
  return error as BackendError;
}

describe('fake backend', () => {
  it('answers the first rule whose substring is in the prompt', async () => {
    const backend = createFakeBackend(
      {
        replies: [
          { match: 'city in France', reply: 'Menton' },
          { match: 'France', reply: 'second rule' },
        ],
      },
      'fake:test',
    );
    expect(textOf(await backend.complete(prompt('The southernmost city in France is')))).toBe(
      'Menton',
    );
    expect(textOf(await backend.complete(prompt('France or Spain?')))).toBe('second rule');
  });

  it('matches /regex/flags, ignoring g and y so that matching has no memory', async () => {
    const backend = createFakeBackend(
      { replies: [{ match: '/^capital of (france|spain)\\??$/gi', reply: 'yes' }], default: 'no' },
      'fake:test',
    );
    expect(textOf(await backend.complete(prompt('Capital of France?')))).toBe('yes');
    expect(textOf(await backend.complete(prompt('Capital of France?')))).toBe('yes');
    expect(textOf(await backend.complete(prompt('The capital of France?')))).toBe('no');
  });

  it('takes a list in turn, then repeats the last item; each backend keeps its own turn', async () => {
    const spec: FakeBackendSpec = { replies: [{ match: 'joke', reply: ['one', 'two', 'three'] }] };
    const first = createFakeBackend(spec, 'fake:a');
    const second = createFakeBackend(spec, 'fake:b');
    const replies = [];
    for (let i = 0; i < 5; i++) replies.push(textOf(await first.complete(prompt('a joke'))));
    expect(replies).toEqual(['one', 'two', 'three', 'three', 'three']);
    expect(textOf(await second.complete(prompt('a joke')))).toBe('one');
  });

  it('gives list items in the order calls start, even when they finish together', async () => {
    const backend = createFakeBackend(
      { latency_ms: 5, replies: [{ match: 'x', reply: ['a', 'b', 'c'] }] },
      'fake:test',
    );
    const replies = (await Promise.all([1, 2, 3].map(() => backend.complete(prompt('x'))))).map(
      textOf,
    );
    expect(replies).toEqual(['a', 'b', 'c']);
  });

  it('fails with the message of an error reply', async () => {
    const backend = createFakeBackend(
      { replies: [{ match: 'boom', reply: { error: 'model overloaded' } }] },
      'fake:test',
    );
    const error = await failure(backend.complete(prompt('boom')));
    expect(error.message).toBe('model overloaded');
    expect(error.retryable).toBe(false);
  });

  it('answers the default when no rule matches; a default list takes turns too', async () => {
    const backend = createFakeBackend(
      { replies: [{ match: 'x', reply: 'rule' }], default: ['d1', 'd2'] },
      'fake:test',
    );
    expect(textOf(await backend.complete(prompt('y')))).toBe('d1');
    expect(textOf(await backend.complete(prompt('x')))).toBe('rule');
    expect(textOf(await backend.complete(prompt('z')))).toBe('d2');
    expect(textOf(await backend.complete(prompt('z')))).toBe('d2');
  });

  it('without a default, fails naming the unmatched prompt', async () => {
    const backend = createFakeBackend({ replies: [{ match: 'x', reply: 'y' }] }, 'fake:test');
    const error = await failure(backend.complete(prompt('Who wrote "Ulysses"?\nAnswer:')));
    expect(error.message).toBe(
      'no reply rule matches the prompt "Who wrote \\"Ulysses\\"?\\nAnswer:", and the fake backend has no default',
    );
  });

  it('cuts a long unmatched prompt in the error, giving its length', async () => {
    const backend = createFakeBackend({}, 'fake:test');
    const error = await failure(backend.complete(prompt('word '.repeat(100))));
    expect(error.message).toContain(`"${'word '.repeat(24)}"… (500 characters)`);
  });

  it('matches chat calls against `role: content` lines joined by newlines', async () => {
    const backend = createFakeBackend(
      {
        replies: [
          { match: 'system: Be brief.\nuser: Hi', reply: 'exact lines' },
          { match: '/^assistant: /m', reply: 'has an assistant line' },
        ],
      },
      'fake:test',
    );
    expect(
      textOf(
        await backend.complete(
          chat([
            { role: 'system', content: 'Be brief.' },
            { role: 'user', content: 'Hi' },
          ]),
        ),
      ),
    ).toBe('exact lines');
    expect(
      textOf(
        await backend.complete(
          chat([
            { role: 'user', content: 'Hello' },
            { role: 'assistant', content: 'Sure' },
          ]),
        ),
      ),
    ).toBe('has an assistant line');
    const error = await failure(backend.complete(chat([{ role: 'user', content: 'Nope' }])));
    expect(error.message).toBe(
      'no reply rule matches the messages "user: Nope", and the fake backend has no default',
    );
  });

  it('waits latency_ms before answering', async () => {
    const sleep = recordingSleep();
    const backend = createFakeBackend({ latency_ms: 250, default: 'ok' }, 'fake:test', {
      sleep: sleep.sleep,
    });
    expect(textOf(await backend.complete(prompt('a')))).toBe('ok');
    expect(sleep.waits).toEqual([250]);
  });

  it('stops waiting the moment the call is cancelled', async () => {
    const backend = createFakeBackend({ latency_ms: 60_000, default: 'ok' }, 'fake:test');
    const controller = new AbortController();
    const pending = backend.complete(prompt('a', controller.signal));
    const start = Date.now();
    controller.abort();
    const error = await failure(pending);
    expect(error.message).toBe('request cancelled');
    expect(Date.now() - start).toBeLessThan(1000);
  });

  it('refuses a call cancelled before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    const backend = createFakeBackend({ default: 'ok' }, 'fake:test');
    expect((await failure(backend.complete(prompt('a', controller.signal)))).message).toBe(
      'request cancelled',
    );
  });

  it('has the fake identity and capabilities, and the options it was given', () => {
    const backend = createFakeBackend({ model: 'fake-gpt' }, 'fake:replies.yaml', {
      concurrency: 4,
      defaults: { temperature: 0 },
    });
    expect(backend.name).toBe('fake:replies.yaml');
    expect(backend.identity).toEqual({
      provider: 'fake',
      model: 'fake-gpt',
      baseUrl: null,
      variant: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
    });
    expect(backend.capabilities).toEqual({
      textCompletion: true,
      chat: true,
      supportedArgs: ['temperature', 'max_tokens', 'stop', 'top_p', 'top_k', 'seed'],
      jsonSchema: false,
      choiceConstraint: false,
      images: true,
    });
    expect(backend.concurrency).toBe(4);
    expect(backend.defaults).toEqual({ temperature: 0 });
    const plain = createFakeBackend({}, 'fake:x');
    expect(plain.identity.model).toBe('fake');
    expect(plain.concurrency).toBe(32);
  });

  it('has an identity that tells apart exactly the specs that can answer differently', () => {
    const identity = (spec: FakeBackendSpec, name = 'fake:x') =>
      createFakeBackend(spec, name).identity;
    const rules = { replies: [{ match: 'a', reply: 'A' }], default: 'd' };
    // Only the rules and the default decide replies: the name and the latency do not.
    expect(identity(rules, 'one')).toEqual(identity({ ...rules, latency_ms: 5 }, 'two'));
    expect(identity(rules)).not.toEqual(identity({ ...rules, default: 'e' }));
    expect(identity(rules)).not.toEqual(identity({ replies: [{ match: 'a', reply: 'B' }] }));
    expect(identity({ default: 'from a' })).not.toEqual(identity({ default: 'from b' }));
    expect(identity({ default: 'x' })).not.toEqual(identity({ default: ['x'] }));
  });

  it('rejects an invalid spec with an OtError naming the backend and the key', () => {
    let thrown: unknown;
    try {
      createFakeBackend({ replies: [{ match: '/(/', reply: 'x' }] }, 'fake:inline');
    } catch (error) {
      thrown = error;
    }
    expect(isOtError(thrown)).toBe(true);
    const [diagnostic] = (thrown as { diagnostics: { file: string; message: string }[] })
      .diagnostics;
    expect(diagnostic?.file).toBe('fake:inline');
    expect(diagnostic?.message).toMatch(
      /^invalid fake backend \(replies\[0\]\.match\): `replies\[0\]\.match` is not a valid regular expression/,
    );
  });
});
