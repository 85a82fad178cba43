/**
 * Truthiness as compiled nunjucks tests it: plain JavaScript (`if (cond)`, `a || b`, `!a`). So
 * unlike Python, an empty list or object is true, and so is every SafeString, even an empty one
 * (a macro that printed nothing); 0, NaN, '', null and undefined are false.
 */
export function isTruthy(value: unknown): boolean {
  return !!value;
}
