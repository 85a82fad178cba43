/*
 * Child process: fills a disk store with argv[3] entries, then reads them all at once
 * through a fresh store, as a replay does. Prints `hits <n> warnings <n>`; run it under a
 * low `ulimit -n` to check the store never runs out of file descriptors.
 */
import { DiskStore } from '../../../src/cache/disk-store.js';

const dir = process.argv[2] ?? '';
const count = Number(process.argv[3]);
const keys = Array.from({ length: count }, (_, i) => `key ${i}`);
const writer = new DiskStore({ dir, fsync: false });
await Promise.all(keys.map(async (key) => writer.set(key, `value of ${key}`)));
const reader = new DiskStore({ dir });
let warnings = 0;
reader.on('error', (error: Error) => {
  warnings += 1;
  process.stderr.write(`${error.message}\n`);
});
const values = await Promise.all(keys.map(async (key) => reader.get(key)));
const hits = values.filter((value, i) => value === `value of ${keys[i]}`).length;
process.stdout.write(`hits ${hits} warnings ${warnings}\n`);
