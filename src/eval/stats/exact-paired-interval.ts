/**
 * The 95% interval of the difference of two paired pass rates, B − A, that agrees with the
 * exact McNemar test: the Clopper–Pearson interval of θ = bOnly / (aOnly + bOnly), the share of
 * discordant pairs that B wins, mapped to the difference (aOnly + bOnly) / n · (2θ − 1). It
 * excludes 0 exactly when the exact McNemar test has p < 0.05 (both invert the same binomial
 * tails), so a verdict never says "no significant difference" beside an interval without 0,
 * as a bootstrap interval could on a few discordant pairs.
 */
export function exactPairedInterval(aOnly: number, bOnly: number, n: number): [number, number] {
  const discordant = aOnly + bOnly;
  if (discordant === 0 || n === 0) return [0, 0];
  const low = bOnly === 0 ? 0 : solve((theta) => upperTail(bOnly, discordant, theta) - 0.025);
  const high =
    bOnly === discordant ? 1 : solve((theta) => 0.025 - lowerTail(bOnly, discordant, theta));
  const scale = discordant / n;
  return [scale * (2 * low - 1), scale * (2 * high - 1)];
}

/** P(X ≤ k) for X ~ Binomial(n, p), summed in log space so large n does not underflow. */
function lowerTail(k: number, n: number, p: number): number {
  if (p <= 0) return 1;
  if (p >= 1) return k >= n ? 1 : 0;
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  let logPmf = n * logQ;
  let sum = Math.exp(logPmf);
  for (let i = 1; i <= k; i++) {
    logPmf += Math.log((n - i + 1) / i) + logP - logQ;
    sum += Math.exp(logPmf);
  }
  return Math.min(1, sum);
}

/** P(X ≥ k) for X ~ Binomial(n, p). */
function upperTail(k: number, n: number, p: number): number {
  return k <= 0 ? 1 : 1 - lowerTail(k - 1, n, p);
}

/** The root in [0, 1] of an increasing function, by bisection (60 halvings: below 1e-15). */
function solve(increasing: (theta: number) => number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (increasing(mid) < 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
