import type { EvalResultRow, EvalSummary, TokenUsage } from '../eval/eval-types.js';
import type { TraceEvent } from '../runtime/trace.js';

/**
 * One line of a trace as the reports read it: the `--trace` line (ARCHITECTURE.md §4) plus what
 * evals add. The additions are optional so that a trace written before them still renders.
 */
export interface TraceLine extends Omit<TraceEvent, 'usage' | 'cost_usd'> {
  /** Tokens of this call; null or absent when the backend did not say. */
  usage?: TokenUsage | null;
  /** What this call cost; null or absent when unknown (cached calls cost 0). */
  cost_usd?: number | null;
  /** The dataset row that asked for the call, where known. */
  row?: string | number | null;
}

/** What `renderEvalReport` draws: the summary and every result row with its calls. */
export interface EvalReportData {
  /** Shown as the page's heading; defaults to "Eval report". */
  title?: string;
  /** When the eval ran, as ISO 8601; shown under the heading. */
  created_at?: string;
  summary: EvalSummary;
  results: EvalResultRow[];
}

/** What `renderTraceReport` draws besides the trace lines. */
export interface TraceReportOptions {
  /** Shown as the page's heading; defaults to "Run trace". */
  title?: string;
}
