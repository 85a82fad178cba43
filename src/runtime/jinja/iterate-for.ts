import nunjucksLib from 'nunjucks/src/lib.js';
import nunjucksRuntime from 'nunjucks/src/runtime.js';
import { describeValue } from './describe-value.js';
import { JinjaError } from './jinja-error.js';

/** What a `for` loop runs over, normalised. */
export interface ForIteration {
  /** One row per iteration; `rows[i][t]` is the value of target `t`. */
  rows: unknown[][];
  /**
   * nunjucks' `len`: what `loop.length` shows and what decides the `else` branch (it runs when
   * this is 0). Usually `rows.length`; an object with a numeric `length` iterates that many times.
   */
  length: number;
}

const NO_ITERATIONS: ForIteration = Object.freeze({ rows: [], length: 0 }) as ForIteration;

/**
 * The iterations nunjucks' compiled `for` performs over `iterable` with `targetCount` names:
 *
 * - a falsy value (undefined, none, 0, '', false): none, so `else` runs;
 * - an iterable object that is not an array (a Map, a Set): its items (`runtime.fromIterator`);
 * - one target: `value[0] … value[value.length - 1]`, so an array's items, a string's
 *   characters, and nothing for an object or a number (no `length`);
 * - several targets over an array: row i is `item[0], item[1], …` (a missing item is OT4011);
 * - several targets over anything else: `for (k in value)` gives the key and its value (the
 *   first two targets; further targets stay undefined), and `length` counts the own keys.
 *
 * The rows are taken when the loop starts; nunjucks re-reads `length` on each iteration, which
 * only matters for a body that appends to the list it is iterating over.
 */
export function iterateFor(iterable: unknown, targetCount: number): ForIteration {
  if (!iterable) return NO_ITERATIONS;
  const source = nunjucksRuntime.fromIterator(iterable) as Record<string | number, unknown>;
  if (targetCount <= 1) {
    const length = Number(source.length);
    if (!(length > 0)) return NO_ITERATIONS;
    // `i < length` runs ceil(length) times, also for a fractional `length` taken from data.
    const count = Math.ceil(length);
    const rows: unknown[][] = new Array(count);
    for (let i = 0; i < count; i++) rows[i] = [source[i]];
    return { rows, length };
  }
  if (nunjucksLib.isArray(source)) {
    const rows: unknown[][] = new Array(source.length);
    for (let i = 0; i < source.length; i++) rows[i] = unpack(source[i], targetCount);
    return { rows, length: source.length };
  }
  const rows: unknown[][] = [];
  // nunjucks deliberately uses for…in here (inherited enumerable keys included) but counts
  // `loop.length` with own keys only.
  for (const key in source as object) {
    const row: unknown[] = new Array(targetCount).fill(undefined);
    row[0] = key;
    row[1] = source[key];
    rows.push(row);
  }
  return { rows, length: nunjucksLib.keys(source).length };
}

function unpack(item: unknown, targetCount: number): unknown[] {
  if (item === undefined || item === null) {
    throw new JinjaError('OT4011', { value: describeValue(item), count: targetCount });
  }
  const row: unknown[] = new Array(targetCount);
  for (let t = 0; t < targetCount; t++) row[t] = (item as Record<number, unknown>)[t];
  return row;
}
