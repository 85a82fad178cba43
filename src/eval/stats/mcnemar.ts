/**
 * Exact McNemar test: two-sided p-value that the discordant pairs (`aOnly` pass only in A,
 * `bOnly` pass only in B) split evenly, i.e. a binomial test with p = 1/2 on aOnly + bOnly
 * trials: p = min(1, 2 · P(X ≤ min(aOnly, bOnly))). 1 when there are no discordant pairs.
 */
export function exactMcNemar(aOnly: number, bOnly: number): number {
  const n = aOnly + bOnly;
  if (n === 0) return 1;
  const k = Math.min(aOnly, bOnly);
  // An even split (or off by one of an odd count) has P(X ≤ k) ≥ 1/2: exactly 1, without the
  // rounding of the sum below.
  if (2 * k + 1 >= n) return 1;
  // Sum the binomial pmf in log space so that thousands of pairs do not underflow 0.5^n.
  let logPmf = n * Math.log(0.5);
  let tail = Math.exp(logPmf);
  for (let i = 1; i <= k; i++) {
    logPmf += Math.log((n - i + 1) / i);
    tail += Math.exp(logPmf);
  }
  return Math.min(1, 2 * tail);
}
