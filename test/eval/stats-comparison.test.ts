import { describe, expect, it } from 'vitest';
import { exactPairedInterval } from '../../src/eval/stats/exact-paired-interval.js';
import {
  bootstrapMeanInterval,
  comparePaired,
  exactMcNemar,
  type PairedComparison,
  type ScorePair,
  verdictSentence,
} from '../../src/eval/stats/index.js';

describe('exactMcNemar', () => {
  it('is a two-sided binomial test on the discordant pairs', () => {
    // 1 vs 9 of 10: 2 · (C(10,0) + C(10,1)) / 2^10 = 22 / 1024.
    expect(exactMcNemar(1, 9)).toBeCloseTo(22 / 1024, 12);
    expect(exactMcNemar(9, 1)).toBeCloseTo(22 / 1024, 12);
    // 0 vs 5: 2 / 32.
    expect(exactMcNemar(0, 5)).toBeCloseTo(0.0625, 12);
    // 2 vs 8: 2 · (1 + 10 + 45) / 1024.
    expect(exactMcNemar(2, 8)).toBeCloseTo(112 / 1024, 12);
    // Balanced or no discordant pairs: no evidence at all.
    expect(exactMcNemar(3, 3)).toBe(1);
    expect(exactMcNemar(0, 0)).toBe(1);
  });

  it('does not underflow for thousands of pairs', () => {
    expect(exactMcNemar(600, 600)).toBe(1);
    const p = exactMcNemar(480, 520);
    expect(p).toBeGreaterThan(0.2);
    expect(p).toBeLessThan(0.25); // normal approximation with continuity: 0.2193
  });
});

function pairs(spec: Array<[number, number, number]>): ScorePair[] {
  const out: ScorePair[] = [];
  for (const [a, b, count] of spec) {
    for (let i = 0; i < count; i++) out.push({ key: `r${out.length}#0`, a, b });
  }
  return out;
}

describe('comparePaired', () => {
  it('finds B better on pass/fail scores with McNemar and lists the flips', () => {
    const input = pairs([
      [1, 1, 10],
      [1, 0, 1],
      [0, 1, 9],
    ]);
    const result = comparePaired('exact', { a: 'claude', b: 'gpt' }, input);
    expect(result.n).toBe(20);
    expect(result.mean_a).toBe(0.55);
    expect(result.mean_b).toBe(0.95);
    expect(result.diff).toBeCloseTo(0.4, 12);
    expect(result.mcnemar).toMatchObject({ a_only: 1, b_only: 9 });
    expect(result.mcnemar?.p_value).toBeCloseTo(22 / 1024, 12);
    expect(result.flips.a_pass_b_fail).toEqual(['r10#0']);
    expect(result.flips.a_fail_b_pass).toHaveLength(9);
    expect(result.verdict).toBe('b');
    // The exact interval that agrees with McNemar (exact-paired-interval.ts), not a bootstrap.
    expect(result.ci95).toEqual(exactPairedInterval(1, 9, 20));
    expect(result.ci95![0]).toBeGreaterThan(0);
    expect(result.sentence).toMatch(
      /^gpt beats claude on exact: \+40 points \(95% CI \+\d+ … \+\d+\), 10 rows flip$/,
    );
  });

  it('finds no significant difference when the flips balance', () => {
    const result = comparePaired(
      'exact',
      { a: 'claude', b: 'gpt' },
      pairs([
        [1, 1, 5],
        [1, 0, 2],
        [0, 1, 3],
      ]),
    );
    expect(result.verdict).toBe('none');
    expect(result.mcnemar?.p_value).toBe(1);
    expect(result.sentence).toMatch(
      /^no significant difference on exact between claude and gpt \(\+10 points, 95% CI -?\d+ … \+\d+, p = 1\), 5 rows flip$/,
    );
  });

  it('uses the interval for continuous scores', () => {
    const input = [0.3, 0.5, 0.6, 0.95].map((a, i) => ({ key: `${i}`, a, b: a - 0.25 }));
    const result = comparePaired('f1', { a: 'short', b: 'long' }, input);
    expect(result.mcnemar).toBeNull();
    expect(result.diff).toBeCloseTo(-0.25, 12);
    expect(result.verdict).toBe('a');
    expect(result.sentence).toBe('short beats long on f1: +25 points (95% CI +25 … +25)');
  });

  it('says when the cells share no results', () => {
    const result = comparePaired('exact', { a: 'x', b: 'y' }, []);
    expect(result.verdict).toBe('none');
    expect(result.diff).toBeNull();
    expect(result.sentence).toBe('no results shared between x and y on exact');
  });
});

describe('verdictSentence', () => {
  const base: PairedComparison = {
    scorer: 'exact',
    labels: { a: 'A', b: 'B' },
    n: 100,
    mean_a: 0.5,
    mean_b: 0.62,
    diff: 0.12,
    ci95: [0.04, 0.2],
    mcnemar: { a_only: 0, b_only: 9, p_value: 0.0039 },
    flips: { a_pass_b_fail: [], a_fail_b_pass: Array.from({ length: 9 }, (_, i) => `${i}`) },
    verdict: 'b',
    sentence: '',
  };

  it('speaks from the winner', () => {
    expect(verdictSentence(base, true)).toBe(
      'B beats A on exact: +12 points (95% CI +4 … +20), 9 rows flip',
    );
    const aWins: PairedComparison = { ...base, diff: -0.12, ci95: [-0.2, -0.04], verdict: 'a' };
    expect(verdictSentence(aWins, true)).toBe(
      'A beats B on exact: +12 points (95% CI +4 … +20), 9 rows flip',
    );
  });

  it('reports no difference with the p-value, and raw units outside [0, 1]', () => {
    const none: PairedComparison = {
      ...base,
      diff: 0.02,
      ci95: [-0.04, 0.08],
      mcnemar: { a_only: 1, b_only: 0, p_value: 1 },
      flips: { a_pass_b_fail: ['x'], a_fail_b_pass: [] },
      verdict: 'none',
    };
    expect(verdictSentence(none, true)).toBe(
      'no significant difference on exact between A and B (+2 points, 95% CI -4 … +8, p = 1), 1 row flips',
    );
    const raw: PairedComparison = {
      ...base,
      scorer: 'words',
      diff: 3.456,
      ci95: [1.2, 5.01],
      mcnemar: null,
    };
    expect(verdictSentence(raw, false)).toBe('B beats A on words: +3.46 (95% CI +1.2 … +5.01)');
  });
});
