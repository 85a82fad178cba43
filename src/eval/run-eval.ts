import { coerceTextInputs } from '../cli/coerce-inputs.js';
import { childSampleKey } from '../runtime/interpreter/sample-key.js';
import type { RunContext } from '../runtime/run-context.js';
import { runProgram, type RunResult } from '../runtime/run-program.js';
import type { Session } from '../runtime/session.js';
import type { TraceEvent } from '../runtime/trace.js';
import type { TraceLine } from '../report/report-data.js';
import type { EvalResultRow, ScoreValue, TokenUsage } from './eval-types.js';
import type { DatasetRow, EvalBackend, EvalFlow, PreparedEval } from './prepare-eval.js';
import { describeError } from './describe-error.js';

/** How `runEval` runs: the shared session, the trace clock, and who watches. */
export interface RunEvalOptions {
  session: Session;
  /** `performance.now()` when the eval began: every trace line counts from it (one timeline). */
  startedAt: number;
  /** Each call as it completes (a progress line, a trace file). */
  onCall?: (event: TraceLine) => void;
  /** Each result as it is scored (a progress line). */
  onResult?: (result: EvalResultRow) => void;
  warn?: (message: string) => void;
}

/** The results in order (flow, backend, row, sample), and whether Ctrl-C cut the eval short. */
export interface EvalRun {
  results: EvalResultRow[];
  cancelled: boolean;
}

/**
 * Runs every flow × backend × row × sample at once on one session (its scheduler caps the calls,
 * its cache and single flight share identical calls), then scores each result, judge flows in
 * the same run. A run or a scorer that fails is an error in its result, never the end of the
 * eval; results cut short by the session's signal are left out and the eval is `cancelled`.
 */
export async function runEval(prepared: PreparedEval, options: RunEvalOptions): Promise<EvalRun> {
  const jobs: Promise<EvalResultRow | null>[] = [];
  for (const flow of prepared.flows) {
    for (const backend of prepared.backends) {
      for (const row of prepared.rows) {
        for (let sample = 0; sample < prepared.checked.repeat; sample++) {
          jobs.push(
            runOne(prepared, flow, backend, row, sample, options).then((result) => {
              if (result) options.onResult?.(result);
              return result;
            }),
          );
        }
      }
    }
  }
  const settled = await Promise.all(jobs);
  const results = settled.filter((result): result is EvalResultRow => result !== null);
  const cancelled = options.session.signal.aborted;
  return { results, cancelled };
}

async function runOne(
  prepared: PreparedEval,
  flow: EvalFlow,
  backend: EvalBackend,
  row: DatasetRow,
  sample: number,
  options: RunEvalOptions,
): Promise<EvalResultRow | null> {
  const calls: TraceLine[] = [];
  const context: RunContext = {
    session: options.session,
    registry: prepared.registry,
    backendName: backend.spec,
    trace: (event: TraceEvent) => {
      const line: TraceLine = { ...event, row: row.id };
      calls.push(line);
      options.onCall?.(line);
    },
    startedAt: options.startedAt,
    sample: childSampleKey('', sample),
    warn: options.warn ?? (() => {}),
  };
  const inputs = flowInputs(flow, row, prepared.textRows);
  const base = {
    row: row.id,
    flow: flow.name,
    backend: backend.name,
    sample,
    inputs,
  };
  const begin = performance.now();
  let result: RunResult;
  try {
    result = await runProgram(flow.program, inputs, context, flow.hooks);
  } catch (error) {
    if (options.session.signal.aborted) return null;
    return {
      ...base,
      text: '',
      outputs: {},
      scores: {},
      ...usageOf(calls),
      latency_ms: Math.round(performance.now() - begin),
      error: describeError(error),
      calls,
    };
  }
  const latency = Math.round(performance.now() - begin);
  const flowCalls = calls.length;
  const scores: Record<string, ScoreValue> = {};
  const failures: string[] = [];
  for (const scorer of prepared.scorers) {
    const output = scorer.output === null ? result.result : result.outputs[scorer.output];
    try {
      scores[scorer.name] = await scorer.score(
        {
          row: row.fields,
          output,
          outputs: result.outputs,
          text: result.text,
          schemas: flow.entry.meta.schemas,
        },
        context,
      );
    } catch (error) {
      if (options.session.signal.aborted) return null;
      scores[scorer.name] = null;
      failures.push(`OT4030: scorer \`${scorer.name}\` failed: ${describeError(error)}`);
    }
  }
  return {
    ...base,
    text: result.text,
    outputs: result.outputs,
    scores,
    // Usage and cost are the flow's; a judge's calls still count among the calls.
    ...usageOf(calls.slice(0, flowCalls)),
    latency_ms: latency,
    ...(failures.length > 0 ? { error: failures.join('; ') } : {}),
    calls,
  };
}

/**
 * The row's fields the flow takes: all of them when it declares no inputs, else the declared
 * ones (other fields are for scorers); CSV text converted to the declared types.
 */
export function flowInputs(
  flow: EvalFlow,
  row: DatasetRow,
  text: boolean,
): Record<string, unknown> {
  const declared = flow.entry.meta.inputs;
  const names = Object.keys(declared);
  if (names.length === 0) return { ...row.fields };
  const picked = Object.fromEntries(
    names.filter((name) => Object.hasOwn(row.fields, name)).map((name) => [name, row.fields[name]]),
  );
  if (!text) return picked;
  const coerced = coerceTextInputs(picked, Object.keys(picked), declared);
  return coerced.ok ? coerced.inputs : picked;
}

/** Tokens and cost summed over calls that report them (missing counts 0; no cost at all is null). */
export function usageOf(calls: readonly TraceLine[]): {
  usage: TokenUsage | null;
  cost_usd: number | null;
} {
  let usage: TokenUsage | null = null;
  let cost: number | null = null;
  for (const call of calls) {
    if (call.usage) {
      usage ??= { input_tokens: 0, output_tokens: 0 };
      usage.input_tokens += call.usage.input_tokens ?? 0;
      usage.output_tokens += call.usage.output_tokens ?? 0;
    }
    if (typeof call.cost_usd === 'number') cost = (cost ?? 0) + call.cost_usd;
  }
  return { usage, cost_usd: cost };
}
