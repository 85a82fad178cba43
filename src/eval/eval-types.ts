import type { TraceLine } from '../report/report-data.js';

/** Tokens of a call, a row or a cell. */
export interface TokenUsage {
  input_tokens: number;
  output_tokens: number;
}

/** What a scorer gave one result: pass/fail, a number, or null when it did not score. */
export type ScoreValue = boolean | number | null;

/** How a score's interval was computed (src/eval/stats/mean-interval.ts). */
export type IntervalMethod = 'wilson' | 'bootstrap';

/** One scorer's mean over a cell, with its 95% interval and how many results it scored. */
export interface ScoreSummary {
  mean: number;
  ci95: [number, number];
  n: number;
  method: IntervalMethod;
}

/** One flow × backend of an eval: scores, usage, cost, latency and calls. */
export interface EvalCell {
  flow: string;
  backend: string;
  /** Results in the cell (one per row and sample), failed ones included. */
  rows: number;
  /** Results that failed; they are left out of the score means. */
  errors: number;
  scores: Record<string, ScoreSummary>;
  usage: TokenUsage;
  /** Null when no result reported a cost. */
  cost_usd: number | null;
  latency_ms: { p50: number | null; p95: number | null };
  /** Calls that reached the backend, and calls answered by the cache or an identical call. */
  calls: { made: number; cached: number };
}

/** A flow × backend, as comparisons name it. */
export interface CellRef {
  flow: string;
  backend: string;
}

/** Which side a comparison favours; `none` when the difference is not significant. */
export type ComparisonVerdict = 'a' | 'b' | 'none';

/** A paired comparison of two cells on one scorer, over the results they share. */
export interface EvalComparison {
  scorer: string;
  a: CellRef;
  b: CellRef;
  /** Short names of the two cells used in `sentence` (backends when the flows are equal, …). */
  labels: { a: string; b: string };
  /** Results both cells scored (paired by row and sample). */
  n: number;
  mean_a: number | null;
  mean_b: number | null;
  /** Mean of B − A over the shared results; null when they share none. */
  diff: number | null;
  /** Paired bootstrap 95% interval of `diff`. */
  ci95: [number, number] | null;
  /** Exact McNemar test, for pass/fail scorers only. */
  mcnemar: { a_only: number; b_only: number; p_value: number } | null;
  /** Results that pass in one cell and fail in the other (pass/fail scorers only). */
  flips: { a_pass_b_fail: string[]; a_fail_b_pass: string[] };
  verdict: ComparisonVerdict;
  /** E.g. "gpt beats claude on exact: +12 points (95% CI +4 … +20), 9 rows flip". */
  sentence: string;
}

/** The eval's summary: one cell per flow × backend and their comparisons. */
export interface EvalSummary {
  cells: EvalCell[];
  comparisons: EvalComparison[];
}

/** One result: a dataset row (and sample) run by one flow on one backend, scored. */
export interface EvalResultRow {
  /** The dataset row's id (its index when the dataset has none). */
  row: string | number;
  flow: string;
  backend: string;
  /** Which repetition of the row, when rows are run more than once. */
  sample: string | number;
  inputs: Record<string, unknown>;
  text: string;
  outputs: Record<string, unknown>;
  scores: Record<string, ScoreValue>;
  usage: TokenUsage | null;
  cost_usd: number | null;
  latency_ms: number | null;
  /** The failure message, when the row failed. */
  error?: string | null;
  /** The trace lines of this row's calls. */
  calls: TraceLine[];
}
