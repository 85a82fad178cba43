/** The seed of every bootstrap in the eval statistics, so that reruns give identical intervals. */
export const BOOTSTRAP_SEED = 20_240_917;

/** How many resamples every bootstrap draws: enough for the 2.5th/97.5th percentiles to settle. */
export const BOOTSTRAP_RESAMPLES = 2000;

/**
 * A seeded PRNG (mulberry32) returning floats in [0, 1): small, fast and deterministic across
 * platforms, which is all a bootstrap needs (it is not for cryptography).
 */
export function createPrng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
