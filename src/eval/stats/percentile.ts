/**
 * The p-th percentile (p in [0, 1]) with linear interpolation between closest ranks (Hyndman &
 * Fan type 7, the default of numpy and R); null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  return percentileOfSorted(sorted, p);
}

/** `percentile` of values already sorted ascending (the bootstraps sort once). */
export function percentileOfSorted(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * Math.min(1, Math.max(0, p));
  const low = Math.floor(h);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low]! + (h - low) * (sorted[high]! - sorted[low]!);
}

/** Latency's p50 and p95 (nulls for no values). */
export function latencyPercentiles(values: readonly number[]): {
  p50: number | null;
  p95: number | null;
} {
  return { p50: percentile(values, 0.5), p95: percentile(values, 0.95) };
}
