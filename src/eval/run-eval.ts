import { coerceTextInputs } from '../cli/coerce-inputs.js';
import { childSampleKey } from '../runtime/interpreter/sample-key.js';
import type { RunContext } from '../runtime/run-context.js';
import { runProgram, type RunResult } from '../runtime/run-program.js';
import type { Session } from '../runtime/session.js';
import type { TraceEvent } from '../runtime/trace.js';
import type { TraceLine } from '../report/report-data.js';
import type { EvalResultRow, ScoreValue, TokenUsage } from './eval-types.js';
import type { CallCounts } from './summary-builder.js';
import { orderedPool, rowWindow } from '../runtime/ordered-pool.js';
import type { DatasetRow, EvalBackend, EvalFlow, PreparedEval } from './prepare-eval.js';
import { describeError } from './describe-error.js';

/** How `runEval` runs: the shared session, the trace clock, and who watches. */
export interface RunEvalOptions {
  session: Session;
  /** `performance.now()` when the eval began: every trace line counts from it (one timeline). */
  startedAt: number;
  /** Each call as it completes (a progress line, a trace file). */
  onCall?: (event: TraceLine) => void;
  /**
   * Each result in order (flow, backend, row, sample), as soon as every earlier one was given,
   * with its call counts. Its `calls` are filled only with `keepCalls`.
   */
  onResult?: (result: EvalResultRow, calls: CallCounts) => void;
  /** Whether results carry their calls (a report shows them); without, `calls` is empty. */
  keepCalls?: boolean;
  /** Most results in flight (started and not yet given); default `rowWindow` of the session's cap. */
  window?: number;
  /**
   * Runs one flow (default: here, `runProgram` on the session); `ot eval --queue` sends it to a
   * worker instead, which reports its calls through `context.trace`. Scorers run here either way.
   */
  runFlow?: FlowRunner;
  warn?: (message: string) => void;
}

/** One flow's run of an eval: on this session, or elsewhere (a queue's worker). */
export type FlowRunner = (
  job: EvalJob,
  inputs: Record<string, unknown>,
  context: RunContext,
) => Promise<RunResult>;

/** How the eval ended: whether Ctrl-C (the session's signal) cut it short. */
export interface EvalRun {
  cancelled: boolean;
}

/** One run of the eval: a flow on a backend for a row's sample. */
export interface EvalJob {
  /** Its place in the eval's order (flow, backend, row, sample), from 0. */
  index: number;
  flow: EvalFlow;
  backend: EvalBackend;
  row: DatasetRow;
  sample: number;
}

/**
 * Runs every flow × backend × row × sample on one session (its scheduler caps the calls, its
 * cache and single flight share identical calls) and scores each result, judge flows in the
 * same run. At most `window` results are in flight, and each is handed to `onResult` in order
 * and then dropped, so memory does not grow with the dataset. A run or a scorer that fails is
 * an error in its result, never the end of the eval; results cut short by the session's signal
 * are left out, no run starts after it, and the eval is `cancelled`.
 */
export async function runEval(prepared: PreparedEval, options: RunEvalOptions): Promise<EvalRun> {
  const signal = options.session.signal;
  const window = options.window ?? rowWindow(options.session.global.capacity);
  for await (const done of orderedPool(
    evalJobs(prepared),
    (job) => runOne(prepared, job, options),
    { limit: window, signal },
  )) {
    // runOne turns every failure into a result; what else throws is a bug to surface.
    if (!done.ok) throw done.error;
    if (done.value !== null) options.onResult?.(done.value.result, done.value.calls);
  }
  return { cancelled: signal.aborted };
}

function* evalJobs(prepared: PreparedEval): Generator<EvalJob, void, undefined> {
  let index = 0;
  for (const flow of prepared.flows) {
    for (const backend of prepared.backends) {
      for (const row of prepared.rows) {
        for (let sample = 0; sample < prepared.checked.repeat; sample++) {
          yield { index: index++, flow, backend, row, sample };
        }
      }
    }
  }
}

/** The calls of one run as they complete: counted, usage summed, kept only when asked. */
class CallTally {
  readonly kept: TraceLine[] = [];
  made = 0;
  cached = 0;
  usage: TokenUsage | null = null;
  cost: number | null = null;

  constructor(private readonly keep: boolean) {}

  add(line: TraceLine): void {
    if (this.keep) this.kept.push(line);
    if (line.cached) this.cached++;
    else this.made++;
    if (line.usage) {
      this.usage ??= { input_tokens: 0, output_tokens: 0 };
      this.usage.input_tokens += line.usage.input_tokens ?? 0;
      this.usage.output_tokens += line.usage.output_tokens ?? 0;
    }
    if (typeof line.cost_usd === 'number') this.cost = (this.cost ?? 0) + line.cost_usd;
  }

  /** The usage and cost so far (a copy: the flow's, before its scorers' judge calls). */
  snapshot(): { usage: TokenUsage | null; cost_usd: number | null } {
    return { usage: this.usage && { ...this.usage }, cost_usd: this.cost };
  }
}

async function runOne(
  prepared: PreparedEval,
  job: EvalJob,
  options: RunEvalOptions,
): Promise<{ result: EvalResultRow; calls: CallCounts } | null> {
  const { flow, backend, row, sample } = job;
  const tally = new CallTally(options.keepCalls === true);
  const context: RunContext = {
    session: options.session,
    registry: prepared.registry,
    backendName: backend.spec,
    trace: (event: TraceEvent) => {
      const line: TraceLine = { ...event, row: row.id };
      tally.add(line);
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
  const done = (result: EvalResultRow) => ({
    result,
    calls: { made: tally.made, cached: tally.cached },
  });
  const begin = performance.now();
  let result: RunResult;
  try {
    result = options.runFlow
      ? await options.runFlow(job, inputs, context)
      : await runProgram(flow.program, inputs, context, flow.hooks);
  } catch (error) {
    if (options.session.signal.aborted) return null;
    return done({
      ...base,
      text: '',
      outputs: {},
      scores: {},
      ...tally.snapshot(),
      latency_ms: Math.round(performance.now() - begin),
      error: describeError(error),
      calls: tally.kept,
    });
  }
  const latency = Math.round(performance.now() - begin);
  // Usage and cost are the flow's; a judge's calls still count among the calls.
  const flowUsage = tally.snapshot();
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
  return done({
    ...base,
    text: result.text,
    outputs: result.outputs,
    scores,
    ...flowUsage,
    latency_ms: latency,
    ...(failures.length > 0 ? { error: failures.join('; ') } : {}),
    calls: tally.kept,
  });
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
