/*
 * Child process for the multi-process disk store tests: writes entries in a tight loop.
 * argv[2] is JSON: { dir, writer, keys, valueSize, startAt, stopAt } (epoch ms; stopAt null
 * means until killed). Prints `first <ms>` after its first complete write and
 * `done <count> <firstMs> <lastMs>` when it stops by itself.
 */
import { DiskStore } from '../../../src/cache/disk-store.js';
import { diskTestValue } from './disk-test-value.js';

interface WriterOptions {
  dir: string;
  writer: string;
  keys: number;
  valueSize: number;
  startAt: number;
  stopAt: number | null;
}

const options = JSON.parse(process.argv[2] ?? '{}') as WriterOptions;
const store = new DiskStore({ dir: options.dir });
await new Promise((resolve) => setTimeout(resolve, Math.max(0, options.startAt - Date.now())));
let count = 0;
let first = 0;
let last = 0;
while (options.stopAt === null || Date.now() < options.stopAt) {
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
