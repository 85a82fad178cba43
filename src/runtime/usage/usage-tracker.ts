import type { TraceSink } from '../trace.js';
import { addToUsageTotals, emptyUsageTotals, type UsageTotals } from './usage-totals.js';

/** A run's trace sink, tallying usage on the way when someone asked for it. */
export interface UsageTracker {
  /** The sink to give the run: `trace` itself when no one wants the totals. */
  trace: TraceSink | null;
  /** Hands the totals to `onUsage`, if given; called once the run has ended. */
  finish(): void;
}

/** Wraps `trace` so that `onUsage` receives the run's totals when it ends. */
export function usageTracker(
  trace: TraceSink | null,
  onUsage: ((totals: UsageTotals) => void) | undefined,
): UsageTracker {
  if (!onUsage) return { trace, finish: () => undefined };
  const totals = emptyUsageTotals();
  return {
    trace: (event) => {
      addToUsageTotals(totals, event);
      trace?.(event);
    },
    finish: () => onUsage(totals),
  };
}
