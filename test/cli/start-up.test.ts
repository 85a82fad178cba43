import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDist, runOt } from './run-ot.js';

// What each command loads, not how long it takes: a command loads only what it uses, so
// `ot --version` stays quick (README, Benchmarks; `npm run bench` measures the time).

const tracker = fileURLToPath(new URL('./helpers/load-log.mjs', import.meta.url));
let dir = '';

beforeAll(() => {
  buildDist();
  dir = mkdtempSync(path.join(tmpdir(), 'ot-start-up-'));
  writeFileSync(
    path.join(dir, 'one.ot'),
    "---\nbackend: fake:one.fake.yaml\n---\nHello << generate_text(prompt='hi') >>\n",
  );
  writeFileSync(path.join(dir, 'one.fake.yaml'), 'replies:\n  - match: hi\n    reply: world\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

let logs = 0;

/** The packages (and chevrotain's files) an `ot` command loaded. */
async function loadedBy(args: string[]): Promise<{ packages: Set<string>; urls: string[] }> {
  // One log per run: the loader hook appends, and several tests run `ot run`.
  const log = path.join(dir, `load-${args[0]}-${(logs += 1)}.log`);
  const run = await runOt(args, {
    cwd: dir,
    env: { OT_LOAD_LOG: log, NODE_OPTIONS: `--import=${tracker}` },
  });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const urls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const packages = new Set(
    urls.flatMap((url) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? []),
  );
  return { packages, urls };
}

describe('start-up', () => {
  it('ot --version loads commander and nothing else outside ot', async () => {
    const { packages, urls } = await loadedBy(['--version']);
    expect([...packages]).toEqual(['commander']);
    expect(urls.some((url) => url.endsWith('/dist/cli/main.js'))).toBe(true);
  });

  it('ot run of a fake flow loads no provider, prettier, esbuild, Redis or LSP module', async () => {
    const { packages, urls } = await loadedBy(['run', 'one.ot', '--cache', 'off']);
    for (const heavy of [
      '@ai-sdk/openai',
      '@ai-sdk/anthropic',
      '@ai-sdk/google',
      '@ai-sdk/openai-compatible',
      'prettier',
      'esbuild',
      '@keyv/redis',
      'vscode-languageserver',
      'lodash-es',
    ]) {
      expect(packages.has(heavy), heavy).toBe(false);
    }
    // chevrotain comes from its single-file build (required, so the ES loader does not log it),
    // not from its package entry of ~700 modules.
    expect(urls.filter((url) => url.includes('/chevrotain/'))).toEqual([]);
  });

  it('ot run of one flow with the cache off loads no cache store, printer, multi-run, trace or dry-run code', async () => {
    // The second run takes the flow from the flow cache (the parser's modules use the printer).
    await loadedBy(['run', 'one.ot', '--cache', 'off']);
    const { packages, urls } = await loadedBy(['run', 'one.ot', '--cache', 'off']);
    expect(urls.some((url) => url.includes('/dist/syntax/'))).toBe(false);
    expect(packages.has('keyv'), 'keyv').toBe(false);
    for (const module of [
      '/dist/cache/disk-store.js',
      '/dist/cli/run/run-many.js',
      '/dist/cli/run/trace-writer.js',
      '/dist/cli/run/dry-run.js',
      '/dist/cli/run/stream-display.js',
      '/dist/cli/run/run-summary.js',
      // Diagnostics and failures only: the code-frame printer.
      '/dist/diagnostics/printer.js',
    ]) {
      expect(
        urls.some((url) => url.endsWith(module)),
        module,
      ).toBe(false);
    }
  });

  it('ot run of a fake flow loads the tokenizer only when usage is read', async () => {
    // The fake backend counts tokens with gpt-tokenizer (a third of a second to load); a run
    // that prints no summary, writes no trace and keeps no cache entry never reads them.
    const loads = (name: string): string =>
      ['load', 'require']
        .map((log) => readFileSync(path.join(dir, `${log}-${name}.log`), 'utf8'))
        .join('');
    const env = (name: string) => ({
      OT_LOAD_LOG: path.join(dir, `load-${name}.log`),
      OT_REQUIRE_LOG: path.join(dir, `require-${name}.log`),
      NODE_OPTIONS: `--import=${tracker}`,
    });
    const quiet = await runOt(['run', 'one.ot', '--cache', 'off'], { cwd: dir, env: env('quiet') });
    expect(quiet.stdout).toBe('Hello world\n');
    expect(loads('quiet')).not.toMatch(/gpt-tokenizer/);
    const summary = await runOt(['run', 'one.ot', '--cache', 'off', '--summary'], {
      cwd: dir,
      env: env('summary'),
    });
    expect(summary.code).toBe(0);
    expect(loads('summary')).toMatch(/gpt-tokenizer/);
    // Real counts all the same: "hi" and "world" are one token each in cl100k_base.
    expect(summary.stderr).toMatch(/tokens: 1 in, 1 out/);
  });
});
