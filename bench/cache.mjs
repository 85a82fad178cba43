// Benchmarks of the call cache: replaying 10,000 cached calls from memory and from disk.
// Run `npx tsc -p tsconfig.build.json` first (the benchmark imports ../dist), then
// `node bench/cache.mjs`, or call benchCache() from bench/index.mjs.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cacheKey, createCachedEntry, openCache } from '../dist/cache/index.js';

const ENTRIES = 10_000;

/** Rows `{ name, ms, target_ms }`; `target_ms` is null where we measure without a target. */
export async function benchCache() {
  const keys = Array.from({ length: ENTRIES }, (_, i) =>
    cacheKey({
      builtin: 'generate_text',
      backend: {
        provider: 'openai-compatible',
        model: 'bench-model',
        baseUrl: 'http://localhost:8080/v1',
      },
      args: { temperature: 0.7, max_tokens: 256 },
      prompt: `Question ${i}: what is the southernmost city in France?`,
      messages: null,
      sample: '',
    }),
  );
  // Replies of a few hundred characters, like short model answers.
  const entries = keys.map((_, i) =>
    createCachedEntry('generate_text', `Answer ${i}: ${'Menton, on the coast. '.repeat(15)}`),
  );
  const rows = [];
  const onWarning = (message) => {
    throw new Error(`unexpected cache warning: ${message}`);
  };

  const memory = await openCache('memory', { cwd: process.cwd(), onWarning });
  await Promise.all(keys.map((key, i) => memory.set(key, entries[i])));
  rows.push({
    name: `cache: ${fmt(ENTRIES)} get hits, memory`,
    ms: await timeReplay(memory, keys, entries, 'all'),
    target_ms: 100,
  });
  await memory.close();

  const dir = await mkdtemp(path.join(os.tmpdir(), 'ot-bench-cache-'));
  try {
    // Filled the way a run fills it (fsync on), 64 writes in flight as the store allows.
    const writer = await openCache(dir, { cwd: dir, onWarning });
    const written = performance.now();
    await Promise.all(keys.map((key, i) => writer.set(key, entries[i])));
    rows.push({
      name: `cache: ${fmt(ENTRIES)} set, disk (fsync)`,
      ms: performance.now() - written,
      target_ms: null,
    });
    await writer.close();

    // A fresh store over the existing directory: nothing of it is in this process's memory
    // (the operating system's page cache is warm; we cannot fairly drop it here).
    const replay = await openCache(dir, { cwd: dir, onWarning });
    rows.push({
      name: `cache: ${fmt(ENTRIES)} get hits, disk, fresh store, all at once`,
      ms: await timeReplay(replay, keys, entries, 'all'),
      target_ms: 500,
    });
    await replay.close();

    const sequential = await openCache(dir, { cwd: dir, onWarning });
    rows.push({
      name: `cache: ${fmt(ENTRIES)} get hits, disk, fresh store, one at a time`,
      ms: await timeReplay(sequential, keys, entries, 'sequential'),
      target_ms: null,
    });
    await sequential.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}

/** Milliseconds to get every key, checking each hit is the entry that was stored. */
async function timeReplay(cache, keys, entries, mode) {
  globalThis.gc?.();
  const started = performance.now();
  let got;
  if (mode === 'all') {
    got = await Promise.all(keys.map((key) => cache.get(key)));
  } else {
    got = [];
    for (const key of keys) got.push(await cache.get(key));
  }
  const ms = performance.now() - started;
  got.forEach((entry, i) => {
    if (entry?.value !== entries[i].value)
      throw new Error(`entry ${i} did not replay (${cache.description})`);
  });
  return ms;
}

function fmt(n) {
  return n.toLocaleString('en-US');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const rows = await benchCache();
  const width = Math.max(...rows.map((row) => row.name.length));
  console.log(`${'benchmark'.padEnd(width)}  ${'ms'.padStart(8)}  ${'target'.padStart(8)}`);
  for (const row of rows) {
    const target = row.target_ms === null ? '—' : `≤ ${row.target_ms}`;
    const verdict = row.target_ms === null ? '' : row.ms <= row.target_ms ? '  ok' : '  OVER';
    console.log(
      `${row.name.padEnd(width)}  ${row.ms.toFixed(1).padStart(8)}  ${target.padStart(8)}${verdict}`,
    );
  }
}
