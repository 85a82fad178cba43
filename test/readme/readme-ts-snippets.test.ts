// The README's TypeScript snippets that no other suite runs: the import lines of "Installing in
// another project" and "The TypeScript API", and the keyv cache of "Concurrency, determinism and
// the cache". (The OneTwo table runs in test/api/onetwo-snippets.test.ts, "Comparing backends" in
// test/api/compare-backends.test.ts, the compiled module's `run` in test/codegen.)
//
// Every ```ts block tagged `run=api` (the TypeScript API section's examples) runs here as a
// module of its own: `from 'ot-lang'` reads from src/, and the block checks itself with
// `node:assert`, so a block that drifts from the code fails. A block runs in a fresh scratch
// directory (its working directory) holding a copy of `samples/`.
import { cpSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Keyv } from 'keyv';
import { describe, expect, test } from 'vitest';
import * as api from '../../src/index.js';
import * as tools from '../../src/tools.js';
import { repoRoot } from '../cli/run-ot.js';
import { fencesOf, read } from './markdown.js';

const apiBlocks = fencesOf(read(join(repoRoot, 'README.md'))).filter(
  (fence) => fence.lang === 'ts' && fence.attrs.run === 'api',
);

describe('the README API examples run', () => {
  test('there are some', () => expect(apiBlocks.length).toBeGreaterThanOrEqual(5));
  for (const fence of apiBlocks) {
    test(`README.md:${fence.line}`, async () => {
      const dir = realpathSync(mkdtempSync(join(tmpdir(), 'ot-readme-ts-')));
      cpSync(join(repoRoot, 'samples'), join(dir, 'samples'), { recursive: true });
      const source = fence.lines
        .join('\n')
        .replace(/from 'ot-lang'/g, `from ${JSON.stringify(join(repoRoot, 'src', 'index.ts'))}`);
      const file = join(dir, 'snippet.ts');
      writeFileSync(file, source);
      const cwd = process.cwd();
      process.chdir(dir);
      try {
        await import(pathToFileURL(file).href);
      } finally {
        process.chdir(cwd);
      }
    });
  }
});

test('the names the README imports exist where it imports them from', () => {
  for (const name of ['template', 'loadTemplate', 'run', 'parallel', 'llm', 'cacheFromKeyv']) {
    expect(api, name).toHaveProperty(name);
  }
  for (const name of ['parse', 'check']) expect(tools, name).toHaveProperty(name);
});

test('any keyv store caches a run, as the README shows', async () => {
  const { cacheFromKeyv, copyRegistry, createFakeBackend, run, template, withRegistry } = api;
  const registry = copyRegistry();
  const backend = createFakeBackend({ replies: [], default: 'Menton' }, 'fake');
  registry.backends[backend.name] = backend;
  registry.defaultBackend = backend.name;
  const flow = template('City in {{ country }}? << city = generate_text() >>');
  const inputs = { country: 'France' };

  const store = new Map();
  const cache = cacheFromKeyv(new Keyv({ store }));
  const first = await run(withRegistry(flow.run(inputs), registry), { cache });
  expect(first.outputs).toEqual({ city: 'Menton' });
  expect(store.size).toBe(1);

  const events: { cached: boolean }[] = [];
  await run(withRegistry(flow.run(inputs), registry), {
    cache,
    trace: (event: { cached: boolean }) => events.push(event),
  });
  expect(events.map((e) => e.cached)).toEqual([true]);
});
