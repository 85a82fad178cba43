import type { TraceEvent } from '../trace.js';

/** What the calls of a run (or of many) used and cost, summed from their trace events. */
export interface UsageTotals {
  /** Calls sent to a backend (failed ones included; in a dry run, the ones that would be). */
  callsMade: number;
  /** Calls answered by the cache or by an identical call in flight. */
  callsCached: number;
  /** Tokens of the calls made, as the backends reported them. */
  inputTokens: number;
  outputTokens: number;
  /** Tokens of the cached calls, as reported when they were made: what the cache spared. */
  cachedInputTokens: number;
  cachedOutputTokens: number;
  /** Calls whose usage is unknown (a backend that reports none, an old cache entry, a dry run's miss). */
  callsWithoutUsage: number;
  /** USD paid for the calls made; null when none had a cost (no `price` in the config). */
  costUsd: number | null;
  /** USD the cached calls would have cost; null when none had a cost. */
  savedUsd: number | null;
}

/** Totals of no calls. */
export function emptyUsageTotals(): UsageTotals {
  return {
    callsMade: 0,
    callsCached: 0,
    inputTokens: 0,
    outputTokens: 0,
    cachedInputTokens: 0,
    cachedOutputTokens: 0,
    callsWithoutUsage: 0,
    costUsd: null,
    savedUsd: null,
  };
}

/** Adds one trace event to `totals` (in place: runs add thousands of events to one tally). */
export function addToUsageTotals(totals: UsageTotals, event: TraceEvent): void {
  if (event.cached) totals.callsCached++;
  else totals.callsMade++;
  if (event.usage) {
    if (event.cached) {
      totals.cachedInputTokens += event.usage.input_tokens;
      totals.cachedOutputTokens += event.usage.output_tokens;
    } else {
      totals.inputTokens += event.usage.input_tokens;
      totals.outputTokens += event.usage.output_tokens;
    }
  } else {
    totals.callsWithoutUsage++;
  }
  if (event.cost_usd !== undefined) totals.costUsd = addUsd(totals.costUsd, event.cost_usd);
  if (event.saved_usd !== undefined) totals.savedUsd = addUsd(totals.savedUsd, event.saved_usd);
}

/** Adds the totals `more` (another process's, e.g. a queue worker's) to `totals`, in place. */
export function addUsageTotals(totals: UsageTotals, more: UsageTotals): void {
  totals.callsMade += more.callsMade;
  totals.callsCached += more.callsCached;
  totals.inputTokens += more.inputTokens;
  totals.outputTokens += more.outputTokens;
  totals.cachedInputTokens += more.cachedInputTokens;
  totals.cachedOutputTokens += more.cachedOutputTokens;
  totals.callsWithoutUsage += more.callsWithoutUsage;
  if (more.costUsd !== null) totals.costUsd = addUsd(totals.costUsd, more.costUsd);
  if (more.savedUsd !== null) totals.savedUsd = addUsd(totals.savedUsd, more.savedUsd);
}

/** The totals of some trace events. */
export function sumUsage(events: Iterable<TraceEvent>): UsageTotals {
  const totals = emptyUsageTotals();
  for (const event of events) addToUsageTotals(totals, event);
  return totals;
}

function addUsd(sum: number | null, cost: number): number {
  // Rounded as each call's cost is, so a sum of many prints without floating-point noise.
  return Math.round(((sum ?? 0) + cost) * 1e10) / 1e10;
}
