import { describe, expect, it } from 'vitest';
import {
  BOOTSTRAP_SEED,
  bootstrapMeanInterval,
  createPrng,
  meanWithInterval,
  wilsonInterval,
} from '../../src/eval/stats/index.js';

describe('wilsonInterval', () => {
  it('matches hand-computed and published values', () => {
    // By hand: p = 0.8, z² = 3.8415: centre 0.99207 / 1.38415 = 0.71674, half-width 0.22658.
    const [lo, hi] = wilsonInterval(8, 10);
    expect(lo).toBeCloseTo(0.4902, 4);
    expect(hi).toBeCloseTo(0.9433, 4);
    // Newcombe (1998), Statistics in Medicine 17:857, table I, method 3: 81/263.
    const [nlo, nhi] = wilsonInterval(81, 263);
    expect(nlo).toBeCloseTo(0.2553, 4);
    expect(nhi).toBeCloseTo(0.3662, 4);
  });

  it('stays inside [0, 1] at the extremes, where the normal interval collapses', () => {
    const [lo, hi] = wilsonInterval(0, 10);
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(0.2775, 4); // z²/n / (1 + z²/n) = 0.38415 / 1.38415
    const [alo, ahi] = wilsonInterval(10, 10);
    expect(alo).toBeCloseTo(0.7225, 4);
    expect(ahi).toBe(1);
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
  });
});

describe('createPrng', () => {
  it('is deterministic for a seed and gives floats in [0, 1)', () => {
    const a = createPrng(7);
    const b = createPrng(7);
    const c = createPrng(8);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const average = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(average - 0.5)).toBeLessThan(0.05);
  });
});

describe('bootstrapMeanInterval', () => {
  it('gives the whole range for two values 0 and 1', () => {
    // Resampled means are 0, 0.5 or 1 with probabilities 1/4, 1/2, 1/4: the 2.5th and 97.5th
    // percentiles are 0 and 1.
    expect(bootstrapMeanInterval([0, 1])).toEqual([0, 1]);
  });

  it('is degenerate for a constant sample and empty for no values', () => {
    expect(bootstrapMeanInterval([0.3, 0.3, 0.3])).toEqual([0.3, 0.3]);
    expect(bootstrapMeanInterval([])).toEqual([Number.NaN, Number.NaN]);
  });

  it('is close to the normal interval for a large sample', () => {
    // 0.00 … 0.99: mean 0.495, sd 0.2901 (population), standard error 0.02901, so the normal
    // 95% interval is 0.495 ± 0.0569.
    const values = Array.from({ length: 100 }, (_, i) => i / 100);
    const [lo, hi] = bootstrapMeanInterval(values);
    expect(Math.abs(lo - 0.4381)).toBeLessThan(0.01);
    expect(Math.abs(hi - 0.5519)).toBeLessThan(0.01);
  });

  it('is reproducible from its seed, and the seed matters', () => {
    const values = [0.1, 0.4, 0.35, 0.8, 0.9, 0.2, 0.55];
    expect(bootstrapMeanInterval(values)).toEqual(bootstrapMeanInterval(values));
    expect(bootstrapMeanInterval(values)).toEqual(
      bootstrapMeanInterval(values, { seed: BOOTSTRAP_SEED }),
    );
    expect(bootstrapMeanInterval(values, { seed: 1 })).not.toEqual(bootstrapMeanInterval(values));
  });
});

describe('meanWithInterval', () => {
  it('uses a Wilson interval for pass/fail scores', () => {
    const summary = meanWithInterval([1, 1, 0, 1, 1, 1, 0, 1, 1, 1]);
    expect(summary?.mean).toBe(0.8);
    expect(summary?.n).toBe(10);
    expect(summary?.method).toBe('wilson');
    expect(summary?.ci95[0]).toBeCloseTo(0.4902, 4);
    expect(summary?.ci95[1]).toBeCloseTo(0.9433, 4);
  });

  it('uses a bootstrap for continuous scores, inside the values range', () => {
    const summary = meanWithInterval([0.5, 0.25, 0.75, 1]);
    expect(summary?.mean).toBe(0.625);
    expect(summary?.method).toBe('bootstrap');
    expect(summary!.ci95[0]).toBeGreaterThanOrEqual(0.25);
    expect(summary!.ci95[1]).toBeLessThanOrEqual(1);
    expect(summary!.ci95[0]).toBeLessThan(0.625);
    expect(summary!.ci95[1]).toBeGreaterThan(0.625);
  });

  it('is null for no values', () => {
    expect(meanWithInterval([])).toBeNull();
  });
});
