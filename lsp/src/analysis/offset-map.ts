import type { Span } from './span.js';

/**
 * Maps offsets between two versions of a text that differ in one region (found by the longest
 * common prefix and suffix: one edit, or edits close together, as while typing). Offsets before
 * the region are the same; offsets after it shift; offsets inside it have no counterpart.
 */
export interface OffsetMap {
  /** The new text's offset of an old offset, or null inside the changed region. */
  toNew(offset: number): number | null;
  /** The old text's offset of a new offset, or null inside the changed region. */
  toOld(offset: number): number | null;
  /** A span of the old text in the new text, or null when it touches the changed region. */
  spanToNew(span: Span): Span | null;
}

/** The offset map from `before` to `after`. */
export function createOffsetMap(before: string, after: string): OffsetMap {
  if (before === after) return identityMap;
  const shortest = Math.min(before.length, after.length);
  const prefix = commonPrefix(before, after, shortest);
  const suffix = commonSuffix(before, after, shortest - prefix);
  const oldEnd = before.length - suffix;
  const newEnd = after.length - suffix;
  const shift = newEnd - oldEnd;
  const toNew = (offset: number): number | null =>
    offset <= prefix ? offset : offset >= oldEnd ? offset + shift : null;
  return {
    toNew,
    toOld: (offset) => (offset <= prefix ? offset : offset >= newEnd ? offset - shift : null),
    // A span that merely touches the edit may have changed too (a name typed on): none of it.
    spanToNew: (span) =>
      span.end < prefix
        ? span
        : span.start > oldEnd
          ? { start: span.start + shift, end: span.end + shift }
          : null,
  };
}

/** The map between a text and itself. */
export const identityMap: OffsetMap = {
  toNew: (o) => o,
  toOld: (o) => o,
  spanToNew: (span) => span,
};

/** Blocks compare as whole strings (a memory comparison in the engine), then chars within the block that differs. */
const BLOCK = 512;

function commonPrefix(a: string, b: string, limit: number): number {
  let i = 0;
  while (i + BLOCK <= limit && a.substring(i, i + BLOCK) === b.substring(i, i + BLOCK)) i += BLOCK;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  while (
    n + BLOCK <= limit &&
    a.substring(a.length - n - BLOCK, a.length - n) ===
      b.substring(b.length - n - BLOCK, b.length - n)
  ) {
    n += BLOCK;
  }
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}
