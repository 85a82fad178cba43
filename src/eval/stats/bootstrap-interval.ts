import { mean } from './mean.js';
import { percentileOfSorted } from './percentile.js';
import { BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED, createPrng } from './prng.js';

/** How a bootstrap is drawn; the defaults are the ones every eval uses. */
export interface BootstrapOptions {
  seed?: number;
  resamples?: number;
}

/**
 * Percentile bootstrap 95% interval of the mean: resamples the values with replacement
 * (`BOOTSTRAP_RESAMPLES` times, from `BOOTSTRAP_SEED`) and takes the 2.5th and 97.5th
 * percentiles of the resampled means. Chosen over a t-interval because scores are often bounded
 * and skewed (a t-interval can leave [0, 1]); the interval never leaves the values' range.
 * Paired differences use it too, on the per-result differences. [NaN, NaN] for no values.
 */
export function bootstrapMeanInterval(
  values: readonly number[],
  options: BootstrapOptions = {},
): [number, number] {
  const n = values.length;
  if (n === 0) return [Number.NaN, Number.NaN];
  const random = createPrng(options.seed ?? BOOTSTRAP_SEED);
  const resamples = options.resamples ?? BOOTSTRAP_RESAMPLES;
  const means = new Array<number>(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[Math.floor(random() * n)]!;
    means[r] = sum / n;
  }
  means.sort((x, y) => x - y);
  // A constant sample has a degenerate interval; avoid reporting float noise around it.
  if (means[0] === means[resamples - 1]) return [mean(values), mean(values)];
  return [percentileOfSorted(means, 0.025), percentileOfSorted(means, 0.975)];
}
