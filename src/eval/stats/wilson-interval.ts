/** The normal quantile for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

/**
 * Wilson score interval for `successes` out of `n` pass/fail trials (95% by default): unlike the
 * normal approximation it stays inside [0, 1] and is sensible at 0 or n successes and small n.
 * For n = 0 it is the whole range [0, 1].
 */
export function wilsonInterval(successes: number, n: number, z: number = Z_95): [number, number] {
  if (n === 0) return [0, 1];
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // 0 or n successes give exactly 0 or 1 analytically; avoid rounding noise there.
  const lo = successes === 0 ? 0 : Math.max(0, center - half);
  const hi = successes === n ? 1 : Math.min(1, center + half);
  return [lo, hi];
}
