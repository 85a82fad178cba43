import { afterEach, describe, expect, it } from 'vitest';
import type { GenerationArgs, Message } from '../../src/backends/backend.js';
import { BackendError } from '../../src/backends/backend-error.js';
import type { RemoteProviderName } from '../../src/backends/provider-name.js';
import { backendFor, textRequest } from '../helpers/provider-servers/backend-for.js';
import { startServer, type TestServer } from '../helpers/provider-servers/http-server.js';
import { wireFormats, type WireFormat } from '../helpers/provider-servers/wire-formats.js';
import { textOf } from '../helpers/reply-text.js';

const chat: Message[] = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'Pick one.' },
  { role: 'assistant', content: 'I pick' },
];

const allArgs: GenerationArgs = {
  temperature: 0.5,
  max_tokens: 7,
  stop: ['\n'],
  top_p: 0.9,
  top_k: 40,
  seed: 11,
};

/** What each provider's request body must hold, written from its API reference. */
const expected: Record<
  RemoteProviderName,
  {
    supported: (keyof GenerationArgs)[];
    chatBody: object;
    schemaOf: (body: unknown) => unknown;
  }
> = {
  'openai-compatible': {
    supported: ['temperature', 'max_tokens', 'stop', 'top_p', 'top_k', 'seed'],
    chatBody: {
      model: 'test-model',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Pick one.' },
        { role: 'assistant', content: 'I pick' },
      ],
      temperature: 0.5,
      max_tokens: 7,
      stop: ['\n'],
      top_p: 0.9,
      top_k: 40,
      seed: 11,
    },
    schemaOf: (body) => get(body, 'response_format', 'json_schema', 'schema'),
  },
  openai: {
    supported: ['temperature', 'max_tokens', 'stop', 'top_p', 'seed'],
    chatBody: {
      model: 'test-model',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Pick one.' },
        { role: 'assistant', content: 'I pick' },
      ],
      temperature: 0.5,
      max_tokens: 7,
      stop: ['\n'],
      top_p: 0.9,
      seed: 11,
    },
    schemaOf: (body) => get(body, 'response_format', 'json_schema', 'schema'),
  },
  anthropic: {
    supported: ['temperature', 'max_tokens', 'stop', 'top_p', 'top_k'],
    chatBody: {
      model: 'claude-sonnet-4-5',
      system: [{ type: 'text', text: 'Be brief.' }],
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Pick one.' }] },
        { role: 'assistant', content: [{ type: 'text', text: 'I pick' }] },
      ],
      temperature: 0.5,
      max_tokens: 7,
      stop_sequences: ['\n'],
      top_k: 40,
    },
    schemaOf: (body) => get(body, 'output_config', 'format', 'schema'),
  },
  google: {
    supported: ['temperature', 'max_tokens', 'stop', 'top_p', 'top_k', 'seed'],
    chatBody: {
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
      contents: [
        { role: 'user', parts: [{ text: 'Pick one.' }] },
        { role: 'model', parts: [{ text: 'I pick' }] },
      ],
      generationConfig: {
        temperature: 0.5,
        maxOutputTokens: 7,
        stopSequences: ['\n'],
        topP: 0.9,
        topK: 40,
        seed: 11,
      },
    },
    schemaOf: (body) => get(body, 'generationConfig', 'responseSchema'),
  },
};

function get(value: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>(
    (v, key) =>
      v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined,
    value,
  );
}

function supportedArgs(wire: WireFormat): GenerationArgs {
  const args: GenerationArgs = {};
  for (const name of expected[wire.provider].supported)
    Object.assign(args, { [name]: allArgs[name] });
  // Anthropic takes top_p, but not together with temperature (the SDK drops it, we fail).
  if (wire.provider === 'anthropic') delete args.top_p;
  return args;
}

// openai-compatible only sends JSON schemas to servers declared to take them.
const structured = (wire: WireFormat): string | undefined =>
  wire.provider === 'openai-compatible' ? '    structured_outputs: true' : undefined;

describe.each(wireFormats)('$provider requests', (wire) => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  async function serve(text: string): Promise<TestServer> {
    server = await startServer(() => ({ status: 200, body: wire.answer(text) }));
    return server;
  }

  it('declares its capabilities', async () => {
    const backend = backendFor(wire, await serve('x'), { extra: structured(wire) });
    expect(backend.capabilities).toEqual({
      textCompletion: false,
      chat: true,
      supportedArgs: expected[wire.provider].supported,
      jsonSchema: true,
      choiceConstraint: true,
      images: true,
    });
    // structured_outputs changes what an openai-compatible server is asked, hence the variant.
    expect(backend.identity).toEqual({
      provider: wire.provider,
      model: wire.model,
      baseUrl: `${server?.url}${wire.basePath}`,
      ...(wire.provider === 'openai-compatible' ? { variant: 'structured_outputs' } : {}),
    });
    const plain = backendFor(wire, await serve('x'));
    expect(plain.identity).toEqual({
      provider: wire.provider,
      model: wire.model,
      baseUrl: `${server?.url}${wire.basePath}`,
    });
  });

  it('sends chat messages and every supported argument in the provider spelling', async () => {
    const s = await serve('ok');
    const backend = backendFor(wire, s);
    await backend.complete(
      textRequest('', undefined, { prompt: null, messages: chat, args: supportedArgs(wire) }),
    );
    expect(s.requests[0]?.body).toMatchObject(expected[wire.provider].chatBody);
  });

  it('constrains choices natively and unwraps the chosen option', async () => {
    const s = await serve('{"choice":"Lyon"}');
    const backend = backendFor(wire, s, { extra: structured(wire) });
    const reply = await backend.complete(
      textRequest('Which city?', undefined, { choices: ['Paris', 'Lyon'], builtin: 'select' }),
    );
    expect(textOf(reply)).toBe('Lyon');
    const schema = expected[wire.provider].schemaOf(s.requests[0]?.body);
    expect(get(schema, 'properties', 'choice', 'enum')).toEqual(['Paris', 'Lyon']);
  });

  it('passes a response schema as native structured output', async () => {
    const s = await serve('{"n": 3}');
    const backend = backendFor(wire, s, { extra: structured(wire) });
    const schema = { type: 'object', properties: { n: { type: 'number' } }, required: ['n'] };
    const reply = await backend.complete(
      textRequest('Count', undefined, { responseSchema: schema, builtin: 'generate_object' }),
    );
    expect(textOf(reply)).toBe('{"n": 3}');
    expect(get(expected[wire.provider].schemaOf(s.requests[0]?.body), 'properties')).toEqual(
      schema.properties,
    );
  });

  const unsupported = (['top_k', 'seed'] as const).find(
    (name) => !expected[wire.provider].supported.includes(name),
  );
  it.runIf(unsupported !== undefined)(
    'rejects an argument the provider does not take, before any request',
    async () => {
      const s = await serve('unused');
      const error = await backendFor(wire, s)
        .complete(textRequest('hi', undefined, { args: { [unsupported ?? 'seed']: 1 } }))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackendError);
      expect((error as Error).message).toContain(`\`${unsupported ?? ''}\``);
      expect(s.requests).toHaveLength(0);
    },
  );
});

describe('provider specifics', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  const wire = (provider: RemoteProviderName): WireFormat =>
    wireFormats.find((w) => w.provider === provider) as WireFormat;

  it('openai-compatible without structured_outputs asks for choices and JSON in words', async () => {
    const w = wire('openai-compatible');
    server = await startServer(() => ({ status: 200, body: w.answer('Lyon') }));
    const backend = backendFor(w, server);
    expect(backend.capabilities.jsonSchema).toBe(false);
    expect(backend.capabilities.choiceConstraint).toBe(false);
    const reply = await backend.complete(
      textRequest('Which city?', undefined, { choices: ['Paris', 'Lyon'] }),
    );
    expect(textOf(reply)).toBe('Lyon');
    expect(server.requests[0]?.body).not.toHaveProperty('response_format');
    const asked = JSON.stringify(server.requests[0]?.body);
    expect(asked).toContain('Which city?');
    expect(asked).toContain(
      'Answer with exactly one of the following options and nothing else: Paris | Lyon',
    );

    await backend.complete(
      textRequest('Give a number', undefined, { responseSchema: { type: 'number' } }),
    );
    expect(JSON.stringify(server.requests[1]?.body)).toContain(
      'validates against this JSON Schema: {\\"type\\":\\"number\\"}',
    );
  });

  it('sends no Authorization header for an openai-compatible server without a key', async () => {
    const w = wire('openai-compatible');
    server = await startServer(() => ({ status: 200, body: w.answer('hi') }));
    const { parseConfig } = await import('../../src/config/load-config.js');
    const { createBackend } = await import('../../src/config/create-backend.js');
    const config = parseConfig(
      `backends:\n  local:\n    provider: openai-compatible\n    model: llama\n    base_url: ${server.url}/v1\n`,
      '/p/ot.config.yaml',
    );
    expect(textOf(await createBackend('local', config, {}).complete(textRequest('hi')))).toBe('hi');
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('fails when the model drops an argument the call set, naming it', async () => {
    const w = wire('anthropic');
    server = await startServer(() => ({ status: 200, body: w.answer('hi') }));
    const backend = backendFor({ ...w, model: 'claude-opus-4-7' }, server);
    const error = await backend
      .complete(textRequest('hi', undefined, { args: { temperature: 0 } }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect((error as Error).message).toMatch(
      /^model claude-opus-4-7 does not support the argument `temperature`/,
    );
  });
});
