import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../src/config/create-backend.js';
import { parseConfig } from '../../src/config/load-config.js';
import { resolveBackendSpec } from '../../src/config/resolve-backend-spec.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { isOtError } from '../../src/diagnostics/ot-error.js';
import { textRequest } from '../helpers/provider-servers/backend-for.js';
import { startServer, type TestServer } from '../helpers/provider-servers/http-server.js';
import { wireFormats } from '../helpers/provider-servers/wire-formats.js';
import { textOf } from '../helpers/reply-text.js';

function otDiagnostic(run: () => unknown): Diagnostic {
  try {
    run();
  } catch (error) {
    if (isOtError(error) && error.diagnostics[0]) return error.diagnostics[0];
    throw error;
  }
  throw new Error('expected an OtError');
}

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ot-project-'));
  mkdirSync(join(dir, 'fakes'));
  writeFileSync(
    join(dir, 'fakes', 'replies.yaml'),
    'replies:\n  - match: France\n    reply: Menton\ndefault: ok\nmodel: fake-m\n',
  );
  return dir;
}

describe('createBackend', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('fails before any request when the key variable is not set, naming it', async () => {
    const wire = wireFormats.find((w) => w.provider === 'anthropic');
    if (!wire) throw new Error('no anthropic wire format');
    server = await startServer(() => ({ status: 200, body: wire.answer('x') }));
    const text = [
      'backends:',
      '  claude:',
      '    provider: anthropic',
      '    model: claude-sonnet-4-5',
      `    base_url: ${server.url}/v1`,
      '    api_key_env: TEAM_ANTHROPIC_KEY',
    ].join('\n');
    const config = parseConfig(text, '/p/ot.config.yaml');
    for (const env of [{}, { TEAM_ANTHROPIC_KEY: '' }]) {
      const diagnostic = otDiagnostic(() =>
        createBackend('claude', config, { ...env, ANTHROPIC_API_KEY: 'not-this-one' }),
      );
      expect(diagnostic.code).toBe('OT4005');
      expect(diagnostic.file).toBe('/p/ot.config.yaml');
      expect(diagnostic.message).toBe(
        'backend `claude` needs an API key in the environment variable TEAM_ANTHROPIC_KEY, which is not set',
      );
      expect(text.slice(diagnostic.span.start, diagnostic.span.end)).toBe('claude');
    }
    expect(server.requests).toHaveLength(0);
  });

  it("uses the provider's default variable without api_key_env", () => {
    const config = parseConfig(
      'backends:\n  gpt:\n    provider: openai\n    model: gpt-4o\n  gem:\n    provider: google\n    model: gemini-2.5-flash\n',
      '/p/ot.config.yaml',
    );
    expect(otDiagnostic(() => createBackend('gpt', config, {})).message).toBe(
      'backend `gpt` needs an API key in the environment variable OPENAI_API_KEY, which is not set; set it, or name another variable with `api_key_env`',
    );
    expect(otDiagnostic(() => createBackend('gem', config, {})).message).toMatch(/GEMINI_API_KEY/);
    const backend = createBackend('gpt', config, { OPENAI_API_KEY: 'sk-x' });
    expect(backend.identity).toEqual({
      provider: 'openai',
      model: 'gpt-4o',
      baseUrl: 'https://api.openai.com/v1',
    });
  });

  it('gives two names of one real model one identity, unless a setting changes its replies', () => {
    const config = parseConfig(
      [
        'backends:',
        '  one: { provider: openai-compatible, model: m, base_url: "http://h/v1" }',
        '  two: { provider: openai-compatible, model: m, base_url: "http://h/v1" }',
        '  strict: { provider: openai-compatible, model: m, base_url: "http://h/v1", structured_outputs: true }',
        '  other: { provider: openai-compatible, model: m, base_url: "http://other/v1" }',
        '',
      ].join('\n'),
      '/p/ot.config.yaml',
    );
    const identity = (name: string) => createBackend(name, config, {}).identity;
    expect(identity('one')).toEqual(identity('two'));
    expect(identity('strict')).not.toEqual(identity('one'));
    expect(identity('other')).not.toEqual(identity('one'));
  });

  it('sends the key from the given environment, never from the config', async () => {
    const wire = wireFormats.find((w) => w.provider === 'openai');
    if (!wire) throw new Error('no openai wire format');
    server = await startServer(() => ({ status: 200, body: wire.answer('hi') }));
    const config = parseConfig(
      `backends:\n  gpt:\n    provider: openai\n    model: m\n    base_url: ${server.url}/v1\n    api_key_env: K\n`,
      '/p/ot.config.yaml',
    );
    await createBackend('gpt', config, { K: 'sk-from-env' }).complete(textRequest('hi'));
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-from-env');
  });

  it('names the defined backends when asked for an unknown one', () => {
    const config = parseConfig(
      'backends:\n  a:\n    provider: fake\n    file: x.yaml\n  b:\n    provider: fake\n    file: y.yaml\n',
      '/p/ot.config.yaml',
    );
    expect(otDiagnostic(() => createBackend('c', config, {})).message).toBe(
      'no backend named `c` in the config (defined: a, b)',
    );
  });

  it('creates a fake backend from a file relative to the config, with its settings', async () => {
    const dir = project();
    const config = parseConfig(
      'backends:\n  offline:\n    provider: fake\n    file: fakes/replies.yaml\n    concurrency: 3\n    defaults: {temperature: 0}\n',
      join(dir, 'ot.config.yaml'),
    );
    const backend = createBackend('offline', config, {});
    expect(backend.name).toBe('offline');
    expect(backend.identity).toMatchObject({ provider: 'fake', model: 'fake-m', baseUrl: null });
    expect(backend.identity.variant).toMatch(/^[0-9a-f]{64}$/);
    expect(backend.concurrency).toBe(3);
    expect(backend.defaults).toEqual({ temperature: 0 });
    expect(textOf(await backend.complete(textRequest('Southernmost city in France?')))).toBe(
      'Menton',
    );
  });
});

describe('resolveBackendSpec', () => {
  it('reads fake:PATH relative to the base directory, with or without a config', async () => {
    const dir = project();
    const backend = resolveBackendSpec('fake:fakes/replies.yaml', null, dir);
    expect(backend.name).toBe('fake:fakes/replies.yaml');
    expect(textOf(await backend.complete(textRequest('nothing matches')))).toBe('ok');
  });

  it('names the missing fake file', () => {
    const dir = project();
    const diagnostic = otDiagnostic(() => resolveBackendSpec('fake:nope.yaml', null, dir));
    expect(diagnostic.message).toBe(
      `cannot read fake-backend file ${join(dir, 'nope.yaml')}: no such file`,
    );
  });

  it('looks other names up in the config', async () => {
    const dir = project();
    const config = parseConfig(
      'backends:\n  offline:\n    provider: fake\n    file: fakes/replies.yaml\n',
      join(dir, 'ot.config.yaml'),
    );
    const backend = resolveBackendSpec('offline', config, '/somewhere/else');
    expect(textOf(await backend.complete(textRequest('France')))).toBe('Menton');
  });

  it('explains that a named backend needs a config file', () => {
    const diagnostic = otDiagnostic(() => resolveBackendSpec('gpt', null, '/work/flows'));
    expect(diagnostic.message).toBe(
      'backend `gpt` is not defined: no ot.config.yaml was found in /work/flows or above; create one, pass --config PATH, or use --backend fake:FILE',
    );
  });
});
