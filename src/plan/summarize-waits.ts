import { describeDependency } from './describe.js';
import type { Dependency } from './plan-types.js';

/** How many items a summary names before `and N more`. */
export const SUMMARY_NAMES = 3;

/**
 * A bounded list in words: `c4, c7 and c9`, or past `limit` items `c4, c7, c9 and 19 more`.
 * Tooltips, hovers and generated comments name a few, never thousands.
 */
export function summarizeList(items: readonly string[], limit = SUMMARY_NAMES): string {
  if (items.length <= limit) {
    return items.length <= 1
      ? (items[0] ?? '')
      : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
  }
  return `${items.slice(0, limit).join(', ')} and ${items.length - limit} more`;
}

/**
 * What a call waits for in bounded words: `waits for nothing`, `waits for c1 (prefix)`, or
 * `waits for 22 calls: c4 (prefix), c7 (variable x), c9 (prefix) and 19 more`.
 */
export function summarizeWaits(waits: readonly Dependency[], limit = SUMMARY_NAMES): string {
  if (waits.length === 0) return 'waits for nothing';
  const named = waits.slice(0, limit).map(describeDependency);
  if (waits.length > limit) named.push(`${waits.length - limit} more`);
  const list = summarizeList(named, Number.POSITIVE_INFINITY);
  return waits.length === 1 ? `waits for ${list}` : `waits for ${waits.length} calls: ${list}`;
}
