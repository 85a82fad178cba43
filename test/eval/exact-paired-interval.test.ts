import { describe, expect, it } from 'vitest';
import { exactPairedInterval } from '../../src/eval/stats/exact-paired-interval.js';
import { exactMcNemar } from '../../src/eval/stats/mcnemar.js';

describe('exactPairedInterval', () => {
  it('maps the Clopper–Pearson interval of the discordant split to the difference', () => {
    // 4 of 4 discordant pairs won by B among 40: θ ∈ [0.025^(1/4), 1].
    const [low, high] = exactPairedInterval(0, 4, 40);
    expect(low).toBeCloseTo((4 / 40) * (2 * 0.025 ** 0.25 - 1), 10);
    expect(high).toBeCloseTo(0.1, 10);
    expect(exactPairedInterval(0, 0, 40)).toEqual([0, 0]);
  });

  it('excludes 0 exactly when the exact McNemar test has p < 0.05', () => {
    for (let aOnly = 0; aOnly <= 12; aOnly++) {
      for (let bOnly = 0; bOnly <= 12; bOnly++) {
        const [low, high] = exactPairedInterval(aOnly, bOnly, 50);
        const excludesZero = low > 1e-12 || high < -1e-12;
        expect(excludesZero, `${aOnly} vs ${bOnly}`).toBe(exactMcNemar(aOnly, bOnly) < 0.05);
      }
    }
  });
});
