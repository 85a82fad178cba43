import type { PreparedEval } from './prepare-eval.js';

/** What `ot eval --estimate` says before any call. */
export interface EvalEstimate {
  /** Flow runs: flows × backends × rows × samples. */
  runs: number;
  /** Model calls, tokens and cost; null until the usage estimate is wired in. */
  calls: number | null;
  input_tokens: number | null;
  output_tokens: number | null;
  cost_usd: number | null;
}

/**
 * The estimate of an eval's size and cost. Only the run count is known here; calls, tokens and
 * cost are left null for the plan's usage estimate (`ot plan --estimate`) to fill in.
 */
export function estimateEval(prepared: PreparedEval): EvalEstimate {
  return {
    runs:
      prepared.flows.length *
      prepared.backends.length *
      prepared.rows.length *
      prepared.checked.repeat,
    calls: null,
    input_tokens: null,
    output_tokens: null,
    cost_usd: null,
  };
}
