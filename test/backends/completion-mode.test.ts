import { afterEach, describe, expect, it } from 'vitest';
import { backendFor, textRequest } from '../helpers/provider-servers/backend-for.js';
import { completionAnswer, promptAndStop } from '../helpers/provider-servers/completions-wire.js';
import { startServer, type TestServer } from '../helpers/provider-servers/http-server.js';
import { wireFormats } from '../helpers/provider-servers/wire-formats.js';
import { textOf } from '../helpers/reply-text.js';
import { parseConfig } from '../../src/config/load-config.js';
import { createBackend } from '../../src/config/create-backend.js';
import { OtError } from '../../src/diagnostics/ot-error.js';

const completionWires = wireFormats.filter(
  (w) => w.provider === 'openai-compatible' || w.provider === 'openai',
);

describe.each(completionWires)('mode: completion on $provider', (wire) => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('sends the exact prefix to /v1/completions, with no stop of its own', async () => {
    server = await startServer(() => ({ status: 200, body: completionAnswer(' 4') }));
    const backend = backendFor(wire, server, { extra: '    mode: completion' });
    const prefix = 'Q: What is 2+2?\n\nA: \t';
    const reply = await backend.complete(textRequest(prefix));
    expect(textOf(reply)).toBe(' 4');
    expect(server.requests[0]!.path).toBe('/v1/completions');
    const body = server.requests[0]!.body as Record<string, unknown>;
    expect(body.prompt).toBe(prefix);
    expect(body.stop).toBeUndefined();
    expect(body.messages).toBeUndefined();
    expect(body.model).toBe(wire.model);
    // Only chat models take our JSON-schema option; it never reaches a completions body.
    expect(body.strictJsonSchema).toBeUndefined();
  });

  it('sends exactly the stop sequences asked for, and sampling arguments', async () => {
    server = await startServer(() => ({ status: 200, body: completionAnswer('x') }));
    const backend = backendFor(wire, server, { extra: '    mode: completion' });
    await backend.complete(
      textRequest('Once', undefined, {
        args: { stop: ['\n\n', 'END'], temperature: 0.2, max_tokens: 9 },
      }),
    );
    const body = server.requests[0]!.body as Record<string, unknown>;
    expect(promptAndStop(body)).toEqual({ prompt: 'Once', stop: ['\n\n', 'END'] });
    expect(body.temperature).toBe(0.2);
    expect(body.max_tokens).toBe(9);
  });

  it('reports a cut-off reply and its usage', async () => {
    server = await startServer(() => ({ status: 200, body: completionAnswer('abc', 'length') }));
    const backend = backendFor(wire, server, { extra: '    mode: completion' });
    const reply = await backend.complete(textRequest('p'));
    expect(reply).toEqual({
      text: 'abc',
      finishReason: 'length',
      usage: { inputTokens: 5, outputTokens: 2 },
    });
  });

  it('is a text-only backend, and its cache identity differs from chat mode', async () => {
    server = await startServer(() => ({ status: 200, body: completionAnswer('x') }));
    const completion = backendFor(wire, server, { extra: '    mode: completion' });
    const chat = backendFor(wire, server, { extra: '    mode: chat' });
    expect(completion.capabilities).toMatchObject({ textCompletion: true, chat: false });
    expect(chat.capabilities).toMatchObject({ textCompletion: false, chat: true });
    expect(completion.identity).not.toEqual(chat.identity);
    expect(completion.identity.variant).toBe('mode=completion');
    expect(chat.identity.variant).toBeUndefined();
  });
});

describe('the mode key in the config', () => {
  function configProblem(text: string, env: Record<string, string> = {}): string {
    try {
      const config = parseConfig(text, '/project/ot.config.yaml');
      createBackend('b', config, env);
    } catch (error) {
      expect(error).toBeInstanceOf(OtError);
      return (error as OtError).diagnostics.map((d) => `${d.code} ${d.message}`).join('\n');
    }
    throw new Error('no error');
  }

  it('rejects an unknown mode', () => {
    expect(
      configProblem('backends:\n  b:\n    provider: openai\n    model: m\n    mode: raw\n'),
    ).toBe('OT4005 `backends.b.mode` must be chat or completion, not "raw"');
  });

  it.each(['anthropic', 'google'])('rejects mode on %s, which has no completion mode', (p) => {
    expect(
      configProblem(`backends:\n  b:\n    provider: ${p}\n    model: m\n    mode: completion\n`),
    ).toContain(
      `OT4005 \`mode\` is not allowed for provider ${p}: only openai-compatible and openai`,
    );
  });

  it('rejects structured_outputs with mode: completion', () => {
    expect(
      configProblem(
        'backends:\n  b:\n    provider: openai-compatible\n    model: m\n    base_url: http://h/v1\n' +
          '    mode: completion\n    structured_outputs: true\n',
      ),
    ).toContain('cannot be used with `mode: completion`');
  });
});
