/*
 * Child process for the multi-process disk store tests: writes entries in a tight loop.
 * argv[2] is JSON: { dir, writer, keys, valueSize, runMs } (runMs null means until killed).
 * With a runMs it prints `ready` once its store is open and starts on a `go` line on stdin, so
 * two writers overlap however slowly a loaded machine starts them. Prints `first <ms>` after
 * its first complete write and `done <count> <firstMs> <lastMs>` when it stops by itself.
 */
import { createInterface } from 'node:readline';
import { DiskStore } from '../../../src/cache/disk-store.js';
import { diskTestValue } from './disk-test-value.js';

interface WriterOptions {
  dir: string;
  writer: string;
  keys: number;
  valueSize: number;
  runMs: number | null;
}

const options = JSON.parse(process.argv[2] ?? '{}') as WriterOptions;
const store = new DiskStore({ dir: options.dir });
let stopAt: number | null = null;
if (options.runMs !== null) {
  process.stdout.write('ready\n');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) if (line === 'go') break;
  lines.close();
  stopAt = Date.now() + options.runMs;
}
let count = 0;
let first = 0;
let last = 0;
while (stopAt === null || Date.now() < stopAt) {
  const key = `k${count % options.keys}`;
  await store.set(key, diskTestValue(options.writer, key, count, options.valueSize));
  last = Date.now();
  if (count === 0) {
    first = last;
    process.stdout.write(`first ${first}\n`);
  }
  count += 1;
}
process.stdout.write(`done ${count} ${first} ${last}\n`);
