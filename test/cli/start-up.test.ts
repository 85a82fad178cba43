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

/** The packages (and chevrotain's files) an `ot` command loaded. */
async function loadedBy(args: string[]): Promise<{ packages: Set<string>; urls: string[] }> {
  const log = path.join(dir, `load-${args[0]}.log`);
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
});
