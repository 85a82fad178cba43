import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EVERY_BUILTIN_FAKE_YAML,
  EVERY_BUILTIN_FLOW,
  EVERY_BUILTIN_RESULT,
  tamperDiskCache,
} from '../runtime/helpers/replay-flow.js';
import { buildDist, runOt } from './run-ot.js';

beforeAll(() => buildDist());

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ot-trust-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** `ot run flow.ot` with the fake backend and the default `.ot-cache/`, and no HMAC key unless given. */
function runFlow(dir: string, env: Record<string, string> = {}, extra: string[] = []) {
  return runOt(['run', 'flow.ot', '--backend', 'fake:fake.yaml', ...extra], {
    cwd: dir,
    env: { OT_CACHE_HMAC_KEY: '', ...env },
  });
}

function traceLines(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function warnings(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith('ot: warning: '));
}

describe('ot run does not trust its cache blindly', () => {
  it('a tampered .ot-cache entry of each builtin is a miss with a warning, and is overwritten', async () => {
    const dir = project({ 'flow.ot': EVERY_BUILTIN_FLOW, 'fake.yaml': EVERY_BUILTIN_FAKE_YAML });
    const first = await runFlow(dir);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain(EVERY_BUILTIN_RESULT);
    expect(await tamperDiskCache(join(dir, '.ot-cache'))).toBe(7);

    const replay = await runFlow(dir, {}, ['--trace', 'trace.jsonl']);
    expect(replay.code).toBe(0);
    expect(replay.stdout).toBe(first.stdout);
    const lines = warnings(replay.stderr);
    expect(lines).toHaveLength(7);
    for (const pattern of [
      /generate_text at flow\.ot:1:\d+ is the number 42, not a string; treated as a miss/,
      /generate_texts at flow\.ot:2:\d+ is a list, not a string/,
      /generate_object at flow\.ot:3:\d+ does not match the schema: \/n must be integer/,
      /select at flow\.ot:4:\d+ is "green", not one of the options "red", "blue"/,
      /instruct at flow\.ot:5:\d+ is an object, not a string/,
      /chat at flow\.ot:6:\d+ is an object, not a string/,
    ]) {
      expect(lines.some((line) => pattern.test(line))).toBe(true);
    }
    const trace = traceLines(join(dir, 'trace.jsonl'));
    expect(trace.map((line) => line['cached'])).toEqual(Array(7).fill(false));
    expect(trace.every((line) => String(line['warning']).startsWith('cached value rejected'))).toBe(
      true,
    );

    const third = await runFlow(dir, {}, ['--trace', 'trace.jsonl']);
    expect(third).toMatchObject({ code: 0, stderr: '', stdout: first.stdout });
    expect(traceLines(join(dir, 'trace.jsonl')).every((line) => line['cached'] === true)).toBe(
      true,
    );
  });

  it('with OT_CACHE_HMAC_KEY, entries written without the key are misses; signed ones replay', async () => {
    const dir = project({ 'flow.ot': EVERY_BUILTIN_FLOW, 'fake.yaml': EVERY_BUILTIN_FAKE_YAML });
    // A writer without the key (a forger, or a run before the key was set).
    expect((await runFlow(dir)).code).toBe(0);
    const keyed = { OT_CACHE_HMAC_KEY: 'team secret' };
    const rejected = await runFlow(dir, keyed);
    expect(rejected.code).toBe(0);
    expect(rejected.stdout).toContain(EVERY_BUILTIN_RESULT);
    const lines = warnings(rejected.stderr);
    expect(lines).toHaveLength(7);
    expect(
      lines.every((line) =>
        /has no HMAC \(OT_CACHE_HMAC_KEY is set\); treated as a miss/.test(line),
      ),
    ).toBe(true);

    const signed = await runFlow(dir, keyed, ['--trace', 'trace.jsonl']);
    expect(signed).toMatchObject({ code: 0, stderr: '' });
    expect(traceLines(join(dir, 'trace.jsonl')).every((line) => line['cached'] === true)).toBe(
      true,
    );

    // A signed entry altered without the key (checksum fixed up) fails its HMAC.
    await tamperDiskCache(join(dir, '.ot-cache'));
    const altered = await runFlow(dir, keyed);
    expect(altered.stdout).toContain(EVERY_BUILTIN_RESULT);
    expect(
      warnings(altered.stderr).every((line) => line.includes('has an HMAC that does not match')),
    ).toBe(true);
    expect(warnings(altered.stderr)).toHaveLength(7);

    // Another key cannot read them either.
    const other = await runFlow(dir, { OT_CACHE_HMAC_KEY: 'another secret' });
    expect(warnings(other.stderr)).toHaveLength(7);
  });
});

describe('a reply cut off at the token limit (finish_reason: length)', () => {
  const flow = 'Tell a long story: << story = generate_text() >>\n';
  const fake = [
    'replies:',
    '  - match: "long story"',
    '    reply: {text: "Once upon a", finish_reason: length}',
    '',
  ].join('\n');

  it('is a warning on stderr and in the trace, and is cached with its finish reason', async () => {
    const dir = project({ 'flow.ot': flow, 'fake.yaml': fake });
    const result = await runFlow(dir, {}, ['--trace', 'trace.jsonl']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Tell a long story: Once upon a\n');
    expect(warnings(result.stderr)).toEqual([
      expect.stringMatching(
        /^ot: warning: generate_text at flow\.ot:1:\d+ on backend `fake:fake\.yaml`: the reply was cut off at the token limit \(finish_reason: length; key ot1:[0-9a-f]+\); raise max_tokens, or set on_truncation: error/,
      ),
    ]);
    expect(traceLines(join(dir, 'trace.jsonl'))).toEqual([
      expect.objectContaining({
        cached: false,
        finish_reason: 'length',
        warning: 'the reply was cut off at the token limit',
      }),
    ]);
    const replay = await runFlow(dir, {}, ['--trace', 'trace.jsonl']);
    expect(replay.stdout).toBe(result.stdout);
    expect(warnings(replay.stderr)).toHaveLength(1);
    expect(traceLines(join(dir, 'trace.jsonl'))).toEqual([
      expect.objectContaining({ cached: true, finish_reason: 'length' }),
    ]);
  });

  it('a reply that ended normally has no finish_reason in the trace', async () => {
    const dir = project({ 'flow.ot': flow, 'fake.yaml': 'default: "The end."\n' });
    const result = await runFlow(dir, {}, ['--trace', 'trace.jsonl']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const [line] = traceLines(join(dir, 'trace.jsonl'));
    expect(line).not.toHaveProperty('finish_reason');
    expect(line).not.toHaveProperty('warning');
  });

  it('is an error, and nothing is cached, on a backend with on_truncation: error', async () => {
    const config = [
      'default_backend: strict',
      'backends:',
      '  strict:',
      '    provider: fake',
      '    file: fake.yaml',
      '    on_truncation: error',
      '',
    ].join('\n');
    const dir = project({ 'flow.ot': flow, 'fake.yaml': fake, 'ot.config.yaml': config });
    const result = await runOt(['run', 'flow.ot'], { cwd: dir, env: { OT_CACHE_HMAC_KEY: '' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /OT4004.*generate_text on backend `strict` failed: the reply was cut off at the token limit \(finish_reason: length\), and backend `strict` has on_truncation: error/s,
    );
    // Nothing was stored: the cache directory holds only the flow cache (.ot-cache/flows/).
    expect(readdirSync(join(dir, '.ot-cache')).sort()).toEqual(['.gitignore', 'flows']);
  });

  it('a config with another on_truncation value is refused', async () => {
    const config =
      'backends:\n  b:\n    provider: fake\n    file: fake.yaml\n    on_truncation: ignore\n';
    const dir = project({ 'flow.ot': flow, 'fake.yaml': fake, 'ot.config.yaml': config });
    const result = await runOt(['run', 'flow.ot', '--backend', 'b'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '`backends.b.on_truncation` must be warn or error, not "ignore"',
    );
  });
});
