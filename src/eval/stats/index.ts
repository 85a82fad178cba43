export { bootstrapMeanInterval, type BootstrapOptions } from './bootstrap-interval.js';
export { exactMcNemar } from './mcnemar.js';
export { isPassFail, meanWithInterval } from './mean-interval.js';
export { mean } from './mean.js';
export {
  ALPHA,
  comparePaired,
  type PairedComparison,
  type ScorePair,
} from './paired-comparison.js';
export { latencyPercentiles, percentile, percentileOfSorted } from './percentile.js';
export { BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED, createPrng } from './prng.js';
export { verdictSentence } from './verdict-sentence.js';
export { wilsonInterval, Z_95 } from './wilson-interval.js';
