import { spawn } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DiskStore } from '../../src/cache/disk-store.js';
import { bundleChildScript } from './helpers/bundle-child.js';
import type { WatchedChild } from './helpers/child.js';
import { startNode } from './helpers/child.js';
import { checkDiskTestValue } from './helpers/disk-test-value.js';
import { useTempDirs } from './helpers/temp-dir.js';

const tempDir = useTempDirs();
let writerScript = '';
let replayScript = '';
const children: WatchedChild[] = [];

beforeAll(async () => {
  writerScript = await bundleChildScript(
    fileURLToPath(new URL('./helpers/disk-writer.ts', import.meta.url)),
  );
  replayScript = await bundleChildScript(
    fileURLToPath(new URL('./helpers/disk-replay.ts', import.meta.url)),
  );
});

afterAll(async () => {
  await Promise.all(
    [writerScript, replayScript].map(async (script) => rm(script, { force: true })),
  );
});

afterEach(() => {
  for (const child of children.splice(0)) child.process.kill('SIGKILL');
});

function startWriter(options: Record<string, unknown>): WatchedChild {
  const child = startNode(writerScript, [JSON.stringify(options)]);
  children.push(child);
  return child;
}

/** Reads every key with a fresh store; returns the writer of each present entry and the warnings. */
async function readAll(dir: string, keys: number, sizes: Record<string, number>) {
  const store = new DiskStore({ dir });
  const warnings: Error[] = [];
  store.on('error', (error: Error) => warnings.push(error));
  const writers: Array<string | undefined> = [];
  for (let i = 0; i < keys; i += 1) {
    const text = await store.get(`k${i}`);
    writers.push(text === undefined ? undefined : checkDiskTestValue(String(text), `k${i}`, sizes));
  }
  return { store, writers, warnings };
}

async function temporaryFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const shard of await readdir(dir)) {
    if (!/^[0-9a-f]{2}$/.test(shard)) continue;
    for (const name of await readdir(`${dir}/${shard}`))
      if (name.endsWith('.tmp')) found.push(name);
  }
  return found;
}

describe('DiskStore across processes', () => {
  it('survives kill -9 in the middle of writes: every entry is absent or whole', async () => {
    const dir = await tempDir();
    const sizes = { A: 200_000 };
    const writer = startWriter({
      dir,
      writer: 'A',
      keys: 40,
      valueSize: sizes.A,
      runMs: null,
    });
    await writer.line('first');
    await new Promise((resolve) => setTimeout(resolve, 300));
    writer.process.kill('SIGKILL');
    expect((await writer.exit()).signal).toBe('SIGKILL');

    const { store, writers, warnings } = await readAll(dir, 40, sizes);
    expect(warnings).toEqual([]);
    expect(writers.filter((w) => w === 'A').length).toBeGreaterThan(0);
    // A killed writer may leave its temporary file behind; it never shadows an entry, and
    // the next write of every key works.
    console.info(`kill -9 left ${(await temporaryFiles(dir)).length} temporary file(s)`);
    for (let i = 0; i < 40; i += 1)
      await store.set(`k${i}`, `{"writer":"B","key":"k${i}","pad":"B","end":true}`);
    const after = await readAll(dir, 40, { ...sizes, B: 1 });
    expect(after.writers.every((w) => w === 'B')).toBe(true);
    expect(after.warnings).toEqual([]);
    await store.clear();
    expect(await temporaryFiles(dir)).toEqual([]);
  });

  it('two processes writing overlapping keys at once both leave valid entries', async () => {
    const dir = await tempDir();
    const sizes = { A: 30_000, B: 70_000 };
    const a = startWriter({ dir, writer: 'A', keys: 20, valueSize: sizes.A, runMs: 600 });
    const b = startWriter({ dir, writer: 'B', keys: 20, valueSize: sizes.B, runMs: 600 });
    // Both start together once both are up: a loaded machine may take seconds to start them.
    await Promise.all([a.line('ready', 30_000), b.line('ready', 30_000)]);
    for (const writer of [a, b]) writer.process.stdin?.write('go\n');
    const deadline = Date.now() + 600 + 10_000;
    const exits = Promise.all([a.exit(), b.exit()]);

    // Meanwhile this process reads: every read is whole, and an entry once seen never
    // disappears (a writer that truncated or removed the old entry first would show here).
    const reader = new DiskStore({ dir });
    const readWarnings: Error[] = [];
    reader.on('error', (error: Error) => readWarnings.push(error));
    const seen = new Set<string>();
    let stopped = false;
    let reads = 0;
    void exits.then(() => {
      stopped = true;
    });
    // Bounded, so a store that never lets the loop turn fails here instead of spinning.
    while (!stopped && Date.now() < deadline) {
      for (let i = 0; i < 20; i += 1) {
        const key = `k${i}`;
        const text = await reader.get(key);
        reads += 1;
        if (text === undefined) {
          expect(seen.has(key), `${key} disappeared`).toBe(false);
        } else {
          checkDiskTestValue(String(text), key, sizes);
          seen.add(key);
        }
      }
    }
    expect(readWarnings).toEqual([]);
    expect(seen.size).toBe(20);
    console.info(`${reads} reads during the concurrent writes`);

    const [exitA, exitB] = await exits;
    expect(exitA.code, a.stderr()).toBe(0);
    expect(exitB.code, b.stderr()).toBe(0);
    const [countA, firstA, lastA] = (await a.line('done')).split(' ').slice(1).map(Number);
    const [countB, firstB, lastB] = (await b.line('done')).split(' ').slice(1).map(Number);
    // Both wrote every key at least once, and their writing overlapped in time.
    expect(countA).toBeGreaterThanOrEqual(20);
    expect(countB).toBeGreaterThanOrEqual(20);
    expect(Math.max(firstA!, firstB!)).toBeLessThan(Math.min(lastA!, lastB!));

    const { writers, warnings } = await readAll(dir, 20, sizes);
    expect(warnings).toEqual([]);
    expect(writers.every((w) => w === 'A' || w === 'B')).toBe(true);
    expect(await temporaryFiles(dir)).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')(
    'reads 3,000 entries at once under a 256 file-descriptor limit',
    async () => {
      const dir = await tempDir();
      const child = spawn('bash', [
        '-c',
        'ulimit -n 256 && exec "$0" "$@"',
        process.execPath,
        replayScript,
        dir,
        '3000',
      ]);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise((resolve) => child.on('exit', resolve));
      expect(code, stderr).toBe(0);
      expect(stdout.trim()).toBe('hits 3000 warnings 0');
    },
  );
});
