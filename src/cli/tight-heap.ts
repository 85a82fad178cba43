import { setFlagsFromString } from 'node:v8';

/**
 * For the commands that stream many rows through one process (`ot run --inputs`, `ot eval`,
 * `ot worker`): lets V8 grow its old generation by at most half the live heap between full
 * collections, instead of up to four times it. Their live heap stays flat (the rows in the
 * window), so the larger growth is only garbage waiting to be collected: with it, the peak RSS of
 * 100,000 rows was 1.5× that of 1,000 rows; with this, about 1.1×, in no more time
 * (`bench/scale.mjs`, README "Scale"). V8 reads this setting at every collection, so setting it
 * while the process runs takes effect from the next one.
 */
export function keepHeapTight(): void {
  setFlagsFromString('--heap-growing-percent=50');
}
