import type { CallCache } from '../cache/call-cache.js';
import { estimateCost, type CostEstimate } from '../plan/estimate-cost.js';
import { runProgram } from '../runtime/run-program.js';
import type { PreparedEval } from './prepare-eval.js';
import { flowInputs } from './run-eval.js';

/** What `ot eval --estimate` says before any call: per flow, the estimate of `ot plan --estimate`. */
export interface EvalEstimate {
  /** Flow runs: flows × backends × rows × samples. */
  runs: number;
  /** Samples per row (`repeat`): every call is asked for that many times, each its own sample. */
  repeat: number;
  /** Each flow's estimate over the dataset and backends, for one sample. */
  flows: { flow: string; estimate: CostEstimate }[];
  /** All flows, every sample: distinct calls, those cached, tokens and cost to make the rest. */
  calls: number;
  cached: number;
  input_tokens: number;
  output_tokens: number;
  /** Null when no backend has a `price`. */
  cost_usd: number | null;
}

/**
 * Estimates an eval's calls, tokens and cost before making it: each flow's rows are run dry on
 * each backend, as `ot plan --estimate` does (identical calls counted once, prompts counted with
 * gpt-tokenizer, output from `max_tokens` or a default), and the totals multiplied by `repeat`
 * (samples have their own keys, so each is a call of its own; a judge flow's calls are not
 * counted: they depend on replies not known yet).
 */
export async function estimateEval(
  prepared: PreparedEval,
  cache: CallCache,
): Promise<EvalEstimate> {
  const repeat = prepared.checked.repeat;
  const flows: EvalEstimate['flows'] = [];
  for (const flow of prepared.flows) {
    const estimate = await estimateCost({
      flow: {
        entry: flow.entry,
        run: (inputs, context) => runProgram(flow.program, inputs, context, flow.hooks),
      },
      rows: prepared.rows.map((row) => flowInputs(flow, row, prepared.textRows)),
      backends: prepared.backends.map((backend) => backend.spec),
      registry: prepared.registry,
      resolveBackend: prepared.resolveBackend,
      cache,
    });
    flows.push({ flow: flow.name, estimate });
  }
  const sum = (pick: (estimate: CostEstimate) => number) =>
    repeat * flows.reduce((total, { estimate }) => total + pick(estimate), 0);
  const priced = flows.filter(({ estimate }) => estimate.costUsd !== null);
  return {
    runs: prepared.flows.length * prepared.backends.length * prepared.rows.length * repeat,
    repeat,
    flows,
    calls: sum((estimate) => estimate.calls),
    cached: sum((estimate) => estimate.cached),
    input_tokens: sum((estimate) => estimate.inputTokens),
    output_tokens: sum((estimate) => estimate.outputTokens),
    cost_usd: priced.length === 0 ? null : sum((estimate) => estimate.costUsd ?? 0),
  };
}
