import { describe, expect, it } from 'vitest';
import { latencyPercentiles, percentile } from '../../src/eval/stats/index.js';

describe('percentile', () => {
  it('interpolates between closest ranks (numpy default)', () => {
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2.5);
    // 1 … 20: rank (20 − 1) · 0.95 = 18.05, between 19 and 20.
    const values = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(percentile(values, 0.95)).toBeCloseTo(19.05, 10);
    expect(percentile([5], 0.95)).toBe(5);
    expect(percentile([3, 1, 2], 0)).toBe(1);
    expect(percentile([3, 1, 2], 1)).toBe(3);
    expect(percentile([], 0.5)).toBeNull();
  });

  it('gives latency p50 and p95', () => {
    const { p50, p95 } = latencyPercentiles([100, 200, 300, 400, 1000]);
    expect(p50).toBe(300);
    expect(p95).toBeCloseTo(880, 9); // rank 3.8: 400 + 0.8 · 600
    expect(latencyPercentiles([])).toEqual({ p50: null, p95: null });
  });
});
