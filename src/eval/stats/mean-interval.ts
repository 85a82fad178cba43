import type { IntervalMethod, ScoreSummary } from '../eval-types.js';
import { bootstrapMeanInterval } from './bootstrap-interval.js';
import { mean } from './mean.js';
import { wilsonInterval } from './wilson-interval.js';

/** Whether every value is 0 or 1, so the scorer is treated as pass/fail. */
export function isPassFail(values: readonly number[]): boolean {
  return values.every((value) => value === 0 || value === 1);
}

/**
 * The mean with its 95% interval: a Wilson score interval when every value is 0 or 1
 * (pass/fail), otherwise a seeded percentile bootstrap (bootstrap-interval.ts). Null for no values.
 */
export function meanWithInterval(values: readonly number[]): ScoreSummary | null {
  if (values.length === 0) return null;
  const method: IntervalMethod = isPassFail(values) ? 'wilson' : 'bootstrap';
  const average = mean(values);
  const ci95 =
    method === 'wilson'
      ? wilsonInterval(
          values.reduce((sum, value) => sum + value, 0),
          values.length,
        )
      : bootstrapMeanInterval(values);
  return { mean: average, ci95, n: values.length, method };
}
