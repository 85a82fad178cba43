import nunjucksRuntime from 'nunjucks/src/runtime.js';

/**
 * nunjucks' SafeString: text that `escape` leaves alone. Macros and `caller()` return one, and
 * filters such as `safe`, `escape` and `trim` produce or preserve one. We use nunjucks' own class
 * (not a look-alike) because its filters and tests check `instanceof` against it.
 */
export interface SafeString {
  val: string;
  length: number;
  toString(): string;
  valueOf(): string;
}

/**
 * The SafeString constructor shared with nunjucks' filters. Typed here rather than through the
 * ambient declaration of nunjucks' internals, so the emitted .d.ts files stand on their own.
 */
export const SafeString: new (value: string) => SafeString = nunjucksRuntime.SafeString;

/** Marks text as safe, as a macro's return value is (`runtime.markSafe` for strings). */
export function markSafe(text: string): SafeString {
  return new SafeString(text);
}

/** True for nunjucks SafeStrings. */
export function isSafeString(value: unknown): value is SafeString {
  return value instanceof SafeString;
}
