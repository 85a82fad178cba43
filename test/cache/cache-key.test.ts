import { describe, expect, it } from 'vitest';
import type { CallKeyParts } from '../../src/cache/cache-key.js';
import { cacheKey, keyText, keyTextGeneric } from '../../src/cache/cache-key.js';
import fc from 'fast-check';

function parts(overrides: Partial<CallKeyParts> = {}): CallKeyParts {
  return {
    builtin: 'generate_text',
    backend: {
      provider: 'openai-compatible',
      model: 'llama-3',
      baseUrl: 'http://localhost:8080/v1',
    },
    args: { temperature: 0.5, max_tokens: 100, stop: ['\n'] },
    prompt: 'The southernmost city in France is',
    messages: null,
    sample: '',
    ...overrides,
  };
}

describe('cacheKey', () => {
  it('is a versioned sha256', () => {
    expect(cacheKey(parts())).toMatch(/^ot1:[0-9a-f]{64}$/);
  });

  it('is stable: the same parts give the same key', () => {
    expect(cacheKey(parts())).toBe(cacheKey(parts()));
  });

  it('ignores the order of keyword arguments and of any object member', () => {
    const reordered = parts({
      args: { stop: ['\n'], max_tokens: 100, temperature: 0.5 },
      backend: {
        baseUrl: 'http://localhost:8080/v1',
        model: 'llama-3',
        provider: 'openai-compatible',
      },
    });
    expect(cacheKey(reordered)).toBe(cacheKey(parts()));
  });

  it('treats an undefined argument as an absent one', () => {
    expect(
      cacheKey(
        parts({ args: { temperature: 0.5, max_tokens: 100, stop: ['\n'], seed: undefined } }),
      ),
    ).toBe(cacheKey(parts()));
  });

  const changes: Array<[string, Partial<CallKeyParts>]> = [
    ['the prompt', { prompt: 'The southernmost city in France is ' }],
    ['the builtin', { builtin: 'instruct' }],
    [
      'the model',
      {
        backend: {
          provider: 'openai-compatible',
          model: 'llama-3.1',
          baseUrl: 'http://localhost:8080/v1',
        },
      },
    ],
    [
      'the base URL',
      {
        backend: {
          provider: 'openai-compatible',
          model: 'llama-3',
          baseUrl: 'http://localhost:8081/v1',
        },
      },
    ],
    [
      'the provider',
      { backend: { provider: 'openai', model: 'llama-3', baseUrl: 'http://localhost:8080/v1' } },
    ],
    [
      'no base URL',
      { backend: { provider: 'openai-compatible', model: 'llama-3', baseUrl: null } },
    ],
    ['a parameter value', { args: { temperature: 0.7, max_tokens: 100, stop: ['\n'] } }],
    ['an added parameter', { args: { temperature: 0.5, max_tokens: 100, stop: ['\n'], seed: 1 } }],
    [
      'a parameter set to null instead of absent',
      { args: { temperature: 0.5, max_tokens: 100, stop: ['\n'], seed: null } },
    ],
    ['the stop list order', { args: { temperature: 0.5, max_tokens: 100, stop: ['\n', '.'] } }],
    ['the sample key', { sample: '1' }],
    ['a nested sample key', { sample: '1#0' }],
    ['the schema', { extra: { schema: { type: 'string' } } }],
    [
      'messages instead of a prompt',
      { prompt: null, messages: [{ role: 'user', content: 'The southernmost city in France is' }] },
    ],
  ];
  it.each(changes)('changes with %s', (_what, change) => {
    expect(cacheKey(parts(change))).not.toBe(cacheKey(parts()));
  });

  it('distinguishes message roles, contents and order', () => {
    const chat = (messages: CallKeyParts['messages']) =>
      cacheKey(parts({ prompt: null, messages }));
    const base = chat([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
    ]);
    expect(
      chat([
        { role: 'system', content: 'Be brief.' },
        { role: 'assistant', content: 'Hi' },
      ]),
    ).not.toBe(base);
    expect(
      chat([
        { role: 'system', content: 'Be brief!' },
        { role: 'user', content: 'Hi' },
      ]),
    ).not.toBe(base);
    expect(
      chat([
        { role: 'user', content: 'Hi' },
        { role: 'system', content: 'Be brief.' },
      ]),
    ).not.toBe(base);
  });

  it('distinguishes select options and their order', () => {
    const select = (options: string[]) =>
      cacheKey(parts({ builtin: 'select', extra: { options } }));
    expect(select(['yes', 'no'])).not.toBe(select(['no', 'yes']));
  });

  it('never reads anything but provider, model and base URL from the backend identity', () => {
    const withSecret = {
      provider: 'openai-compatible',
      model: 'llama-3',
      baseUrl: 'http://localhost:8080/v1',
      apiKey: 'sk-secret',
    };
    expect(cacheKey(parts({ backend: withSecret }))).toBe(cacheKey(parts()));
  });

  it('distinguishes backends that differ only in their variant, and keeps keys without one', () => {
    const backend = { provider: 'fake', model: 'fake', baseUrl: null };
    const a = cacheKey(parts({ backend: { ...backend, variant: 'digest-a' } }));
    const b = cacheKey(parts({ backend: { ...backend, variant: 'digest-b' } }));
    expect(a).not.toBe(b);
    expect(a).not.toBe(cacheKey(parts({ backend })));
    expect(cacheKey(parts({ backend: { ...backend, variant: undefined } }))).toBe(
      cacheKey(parts({ backend })),
    );
  });

  it('refuses arguments that are not JSON', () => {
    expect(() => cacheKey(parts({ args: { temperature: 1n } }))).toThrow(
      'cannot encode the bigint 1n at $.args.temperature',
    );
  });
});

describe('the written-out key text', () => {
  it('equals the canonical JSON of the key material, for any parts', () => {
    const text = fc.oneof(fc.string(), fc.constant(''));
    const parts = fc.record({
      builtin: fc.constantFrom('generate_text', 'chat', 'select'),
      backend: fc.record(
        {
          provider: text,
          model: text,
          baseUrl: fc.option(text, { nil: null }),
          variant: text,
        },
        { requiredKeys: ['provider', 'model', 'baseUrl'] },
      ),
      args: fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.array(fc.string()))),
      prompt: fc.option(text, { nil: null }),
      messages: fc.option(
        fc.array(
          fc.record({ role: fc.constantFrom('system', 'user', 'assistant'), content: text }),
        ),
        { nil: null },
      ),
      sample: text,
      extra: fc.option(fc.dictionary(fc.string(), fc.jsonValue()), { nil: undefined }),
    });
    fc.assert(
      fc.property(parts, (p) => {
        const { extra, ...rest } = p;
        const withExtra = extra === undefined ? rest : { ...rest, extra };
        expect(keyText(withExtra as CallKeyParts)).toBe(keyTextGeneric(withExtra as CallKeyParts));
      }),
    );
  });
});
