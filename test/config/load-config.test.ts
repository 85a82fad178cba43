import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCacheSetting } from '../../src/config/cache-setting.js';
import { loadConfig, parseConfig } from '../../src/config/load-config.js';
import { isOtError } from '../../src/diagnostics/ot-error.js';

const PATH = '/work/project/ot.config.yaml';

/** Each diagnostic of the OtError as [message, the text its span covers]. */
function problems(text: string): [string, string][] {
  try {
    parseConfig(text, PATH);
  } catch (error) {
    if (!isOtError(error)) throw error;
    for (const d of error.diagnostics) {
      expect(d.code).toBe('OT4005');
      expect(d.file).toBe(PATH);
    }
    return error.diagnostics.map((d) => [d.message, text.slice(d.span.start, d.span.end)]);
  }
  throw new Error('expected an OtError');
}

describe('loading ot.config.yaml', () => {
  it('reads every key, filling defaults', () => {
    const config = parseConfig(
      [
        'default_backend: local',
        'cache: .ot-cache',
        'backends:',
        '  local:',
        '    provider: openai-compatible',
        '    model: llama3.1',
        '    base_url: http://localhost:11434/v1/',
        '    structured_outputs: true',
        '    defaults: {temperature: 0, stop: "\\n"}',
        '  claude:',
        '    provider: anthropic',
        '    model: claude-sonnet-4-5',
        '    api_key_env: MY_ANTHROPIC_KEY',
        '    concurrency: 4',
        '    max_retries: 5',
        '    timeout_ms: 30000',
        '  offline:',
        '    provider: fake',
        '    file: fakes/replies.yaml',
      ].join('\n'),
      PATH,
    );
    expect(config.path).toBe(PATH);
    expect(config.defaultBackend).toBe('local');
    expect(config.cache).toEqual({ kind: 'directory', path: '/work/project/.ot-cache' });
    expect(config.backends.local).toMatchObject({
      name: 'local',
      provider: 'openai-compatible',
      model: 'llama3.1',
      baseUrl: 'http://localhost:11434/v1',
      apiKeyEnv: null,
      structuredOutputs: true,
      concurrency: 32,
      maxRetries: 2,
      timeoutMs: 600_000,
      defaults: { temperature: 0, stop: ['\n'] },
    });
    expect(config.backends.claude).toMatchObject({
      provider: 'anthropic',
      baseUrl: null,
      apiKeyEnv: 'MY_ANTHROPIC_KEY',
      structuredOutputs: false,
      concurrency: 4,
      maxRetries: 5,
      timeoutMs: 30_000,
      defaults: {},
    });
    expect(config.backends.offline).toMatchObject({
      provider: 'fake',
      file: '/work/project/fakes/replies.yaml',
      concurrency: 32,
    });
  });

  it('reads rpm and tpm (no limit when absent) and rejects bad values at their place', () => {
    const config = parseConfig(
      'backends:\n  gpt:\n    provider: openai\n    model: m\n    rpm: 500\n    tpm: 30000\n' +
        '  local:\n    provider: openai-compatible\n    model: m\n    base_url: http://h/v1\n',
      PATH,
    );
    expect(config.backends.gpt).toMatchObject({ rpm: 500, tpm: 30_000 });
    expect(config.backends.local).toMatchObject({ rpm: null, tpm: null });
    expect(
      problems(
        'backends:\n  gpt:\n    provider: openai\n    model: m\n    rpm: 0\n    tpm: lots\n' +
          '  offline:\n    provider: fake\n    file: f.yaml\n    rpm: 5\n',
      ),
    ).toEqual([
      ['`backends.gpt.rpm` must be a whole number ≥ 1, not 0', '0'],
      ['`backends.gpt.tpm` must be a whole number ≥ 1, not "lots"', 'lots'],
      [
        'unknown key `rpm` in `backends.offline`; expected one of: provider, concurrency, defaults, on_truncation, price, file',
        'rpm',
      ],
    ]);
  });

  it('reads a price per backend, and rejects one that is not two amounts', () => {
    const config = parseConfig(
      'backends:\n  claude:\n    provider: anthropic\n    model: m\n    price: {input: 3, output: 15}\n',
      PATH,
    );
    expect(config.backends['claude']?.price).toEqual({ input: 3, output: 15 });
    expect(
      problems(
        'backends:\n  f:\n    provider: fake\n    file: f.yaml\n    price: {input: -1, outpt: 2}\n',
      ).map(([message]) => message),
    ).toEqual([
      'unknown key `outpt` in `backends.f.price`; expected one of: input, output',
      '`backends.f.price.input` must be a number ≥ 0, not -1',
      '`backends.f.price` is missing the required key `output`',
    ]);
  });

  it('points each backend at its key in the file', () => {
    const text = 'backends:\n  gpt:\n    provider: openai\n    model: gpt-4o\n';
    const config = parseConfig(text, PATH);
    const span = config.backends.gpt?.span;
    expect(span && text.slice(span.start, span.end)).toBe('gpt');
  });

  it('takes an empty file as an empty config', () => {
    expect(parseConfig('', PATH)).toEqual({
      path: PATH,
      backends: {},
      defaultBackend: null,
      cache: null,
      includeRoots: [],
      allowDynamicPaths: false,
    });
  });

  it('reads include_roots relative to the config file, and allow_dynamic_paths', () => {
    const config = parseConfig(
      'include_roots: [../shared, /abs/prompts]\nallow_dynamic_paths: true\n',
      PATH,
    );
    expect(config.includeRoots).toEqual(['/work/shared', '/abs/prompts']);
    expect(config.allowDynamicPaths).toBe(true);
  });

  it('rejects include_roots that are not a list of directories, and a non-boolean allow_dynamic_paths', () => {
    expect(problems('include_roots: ../shared\n')).toEqual([
      ['`include_roots` must be a list of directories, not "../shared"', '../shared'],
    ]);
    expect(problems('include_roots: [1]\n')).toEqual([
      ['`include_roots[0]` must be a non-empty string, not 1', '1'],
    ]);
    expect(problems('allow_dynamic_paths: yes please\n')).toEqual([
      ['`allow_dynamic_paths` must be true or false, not "yes please"', 'yes please'],
    ]);
  });

  it('reads the cache as off, redis or a directory', () => {
    expect(parseConfig('cache: off', PATH).cache).toEqual({ kind: 'off' });
    expect(parseConfig('cache: false', PATH).cache).toEqual({ kind: 'off' });
    expect(parseConfig('cache: redis://cache.internal:6379/2', PATH).cache).toEqual({
      kind: 'redis',
      url: 'redis://cache.internal:6379/2',
    });
    expect(parseCacheSetting('/abs/cache', '/elsewhere')).toEqual({
      kind: 'directory',
      path: '/abs/cache',
    });
  });

  it('reports every problem at once, naming the key and pointing at it', () => {
    const text = [
      'default_backend: missing',
      'cache: 3',
      'backend: {}',
      'backends:',
      '  gpt:',
      '    provider: openai',
      '    api_key: sk-live-123',
      '    max_retries: -1',
      '    timeout_ms: 1.5',
      '    base_url: localhost:8000',
      '  local:',
      '    provider: openai-compatible',
      '    model: llama',
      '  claude:',
      '    provider: anthropic',
      '    model: claude-sonnet-4-5',
      '    api_key_env: sk-ant-1234',
      '    defaults: {seed: 3, temperature: hot, top_p: 2, best_of: 3}',
      '  weird:',
      '    provider: openia',
      '  "bad name":',
      '    provider: fake',
      '    file: x.yaml',
      '  offline:',
      '    provider: fake',
      '    model: m',
    ].join('\n');
    expect(problems(text)).toEqual([
      [
        'unknown key `backend`; expected one of: backends, default_backend, cache, include_roots, allow_dynamic_paths',
        'backend',
      ],
      [
        '`api_key` is not allowed: API keys never go in the config file; put the key in an environment variable and name that variable with `api_key_env`',
        'api_key',
      ],
      ['`backends.gpt` is missing the required key `model`', 'gpt'],
      [
        '`backends.gpt.base_url` must be an http:// or https:// URL, not "localhost:8000"',
        'localhost:8000',
      ],
      ['`backends.gpt.max_retries` must be a whole number ≥ 0, not -1', '-1'],
      ['`backends.gpt.timeout_ms` must be a whole number ≥ 1, not 1.5', '1.5'],
      [
        "`backends.local` is missing the required key `base_url` (the server's address, such as http://localhost:11434/v1)",
        'local',
      ],
      [
        'unknown key `best_of` in `backends.claude.defaults`; expected one of: temperature, max_tokens, stop, top_p, top_k, seed',
        'best_of',
      ],
      ['`backends.claude.defaults.temperature` must be a number ≥ 0, not "hot"', 'hot'],
      ['`backends.claude.defaults.top_p` must be a number between 0 and 1, not 2', '2'],
      [
        'the anthropic provider does not support `seed` (it supports: temperature, max_tokens, stop, top_p, top_k)',
        'seed',
      ],
      [
        '`backends.claude.api_key_env` must be the name of an environment variable (such as OPENAI_API_KEY), not the key itself',
        'sk-ant-1234',
      ],
      [
        '`backends.weird.provider` must be one of openai-compatible, openai, anthropic, google, fake, not "openia"',
        'openia',
      ],
      ['backend name `bad name` may contain only letters, digits, `_`, `.` and `-`', '"bad name"'],
      [
        'unknown key `model` in `backends.offline`; expected one of: provider, concurrency, defaults, on_truncation, price, file',
        'model',
      ],
      ['`backends.offline` is missing the required key `file`', 'offline'],
      [
        '`default_backend` names `missing`, which is not defined under `backends` (defined: gpt, local, claude, weird, bad name, offline)',
        'missing',
      ],
      ['`cache` must be "off", a directory or a redis:// URL, not 3', '3'],
    ]);
  });

  it('never echoes a value that may be an API key', () => {
    const messages = problems(
      'backends:\n  g:\n    provider: openai\n    model: m\n    api_key_env: sk-proj-SECRET\n    api_key: sk-proj-SECRET\n',
    ).map(([message]) => message);
    expect(messages.join('\n')).not.toContain('SECRET');
  });

  it('rejects a file that is not a mapping, and a backends list', () => {
    expect(problems('- a')).toEqual([
      ['the file must be a mapping of keys to values, not a list', '- a'],
    ]);
    expect(problems('backends:\n  - gpt\n')[0]?.[0]).toBe(
      '`backends` must be a mapping of keys to values, not a list',
    );
  });

  it('reports YAML syntax errors with their place', () => {
    const [[message, covers] = ['', '']] = problems('backends:\n  gpt: {provider: openai\n');
    expect(message).toMatch(/^invalid YAML: /);
    expect(covers).not.toBe(undefined);
  });

  it('loads a file from disk and names an unreadable one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ot-config-'));
    const path = join(dir, 'ot.config.yaml');
    writeFileSync(path, 'backends:\n  f:\n    provider: fake\n    file: r.yaml\n');
    expect(loadConfig(path).backends.f).toMatchObject({ file: join(dir, 'r.yaml') });
    const missing = join(dir, 'other.yaml');
    try {
      loadConfig(missing);
      expect.unreachable();
    } catch (error) {
      expect(isOtError(error)).toBe(true);
      expect((error as Error).message).toBe(
        `OT4005: cannot read config file ${missing}: no such file`,
      );
    }
  });
});
