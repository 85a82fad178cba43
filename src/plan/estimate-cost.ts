import type { Backend, TokenUsage } from '../backends/backend.js';
import { inputTokens, loadTokenCounter } from '../backends/count-tokens.js';
import type { CallCache } from '../cache/call-cache.js';
import type { RunnableFlow } from '../cli/run/runnable-flow.js';
import type { BackendResolver } from '../runtime/backend-resolver.js';
import type { Registry } from '../runtime/registry/types.js';
import type { RunContext } from '../runtime/run-context.js';
import { Session } from '../runtime/session.js';
import type { TraceEvent } from '../runtime/trace.js';
import { callCostUsd } from '../runtime/usage/call-cost.js';

/** Output tokens assumed for a call without `max_tokens`. */
export const DEFAULT_ESTIMATE_OUTPUT_TOKENS = 256;

/** What `estimateCost` runs: a flow, its rows, and where the calls would go. */
export interface EstimateCostOptions {
  flow: Pick<RunnableFlow, 'entry' | 'run'>;
  /** One run per row of inputs (a `--inputs` file's objects). */
  rows: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>;
  /** Each row runs on each of these (null: the flow's default backend). */
  backends: readonly (string | null)[];
  registry: Registry;
  resolveBackend: BackendResolver;
  /** The cache a real run would use: what it holds is not made again. */
  cache: CallCache;
  /** Output tokens of a call without `max_tokens`; default 256. */
  defaultOutputTokens?: number;
  /** Non-fatal problems (cache warnings). */
  onWarning?: (message: string) => void;
}

/** Calls, tokens and cost of a backend (or of all of them). */
export interface CostEstimateTotals {
  /** Distinct calls a run would ask for (identical calls are made once). */
  calls: number;
  /** Of those, the ones the cache already has. */
  cached: number;
  /** Tokens of the calls to make: input counted from the rendered prompts, output assumed. */
  inputTokens: number;
  outputTokens: number;
  /** USD of the calls to make; null when the backend has no `price`. */
  costUsd: number | null;
  /** USD the cached calls cost when they were made (what the cache saves); null without a price. */
  savedUsd: number | null;
}

/** What `estimateCost` found: totals, per backend, and what the numbers rest on. */
export interface CostEstimate extends CostEstimateTotals {
  rows: number;
  byBackend: Record<string, CostEstimateTotals>;
  /** Rows whose dry run failed (their calls are not counted), with the error. */
  failedRows: { row: number; backend: string | null; error: string }[];
  /** Backends without a `price` in the config (their calls have tokens but no cost). */
  unpriced: string[];
  /** What the numbers assume, one sentence each, for the output. */
  assumptions: string[];
}

/**
 * Estimates what a run over `rows` would cost before making it: each row is run dry (cached
 * calls replayed, the others rendered with placeholders for replies not known yet, nothing
 * sent), identical calls counted once, the prompts' tokens counted with gpt-tokenizer, and the
 * output tokens taken from each call's `max_tokens` (else `defaultOutputTokens`). `ot plan
 * --estimate` prints it; `ot eval --estimate` can call it.
 */
export async function estimateCost(options: EstimateCostOptions): Promise<CostEstimate> {
  const defaultOutput = options.defaultOutputTokens ?? DEFAULT_ESTIMATE_OUTPUT_TOKENS;
  const count = await loadTokenCounter();
  if (!count) throw new Error('cannot count tokens: the package gpt-tokenizer is not installed');
  const session = new Session({ cache: options.cache, dryRun: true });
  const backends = new Map<string, Backend>();
  const resolveBackend: BackendResolver = (name, template) => {
    const backend = options.resolveBackend(name, template);
    backends.set(backend.name, backend);
    return backend;
  };
  const seen = new Set<string>();
  const byBackend: Record<string, CostEstimateTotals> = {};
  const failedRows: CostEstimate['failedRows'] = [];
  let rows = 0;
  let unbounded = false;

  const record = (event: TraceEvent): void => {
    // Identical calls (across rows too) are made once; the first one counts.
    const signature = JSON.stringify([
      event.backend,
      event.builtin,
      event.prompt,
      event.messages,
      event.args,
      event.sample,
    ]);
    if (seen.has(signature)) return;
    seen.add(signature);
    const totals = (byBackend[event.backend] ??= emptyTotals());
    const price = backends.get(event.backend)?.price;
    totals.calls++;
    if (event.cached) {
      totals.cached++;
      if (price && event.usage) {
        const usage: TokenUsage = {
          inputTokens: event.usage.input_tokens,
          outputTokens: event.usage.output_tokens,
        };
        totals.savedUsd = addUsd(totals.savedUsd, callCostUsd(usage, price));
      }
      return;
    }
    const maxTokens = event.args['max_tokens'];
    if (typeof maxTokens !== 'number') unbounded = true;
    const usage: TokenUsage = {
      inputTokens: inputTokens(count, event),
      outputTokens: typeof maxTokens === 'number' ? maxTokens : defaultOutput,
    };
    totals.inputTokens += usage.inputTokens;
    totals.outputTokens += usage.outputTokens;
    if (price) totals.costUsd = addUsd(totals.costUsd, callCostUsd(usage, price));
  };

  for await (const inputs of options.rows) {
    rows++;
    for (const backend of options.backends) {
      const context: RunContext = {
        session,
        registry: options.registry,
        backendName: backend,
        trace: record,
        startedAt: performance.now(),
        sample: '',
        warn: options.onWarning ?? (() => undefined),
      };
      try {
        await options.flow.run(inputs, context, resolveBackend);
      } catch (error) {
        failedRows.push({
          row: rows,
          backend,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }
  await session.writesSettled();

  const all = emptyTotals();
  for (const totals of Object.values(byBackend)) {
    all.calls += totals.calls;
    all.cached += totals.cached;
    all.inputTokens += totals.inputTokens;
    all.outputTokens += totals.outputTokens;
    if (totals.costUsd !== null) all.costUsd = addUsd(all.costUsd, totals.costUsd);
    if (totals.savedUsd !== null) all.savedUsd = addUsd(all.savedUsd, totals.savedUsd);
  }
  const unpriced = Object.keys(byBackend).filter((name) => !backends.get(name)?.price);
  return {
    ...all,
    rows,
    byBackend,
    failedRows,
    unpriced,
    assumptions: assumptionsOf(defaultOutput, unbounded, unpriced),
  };
}

function assumptionsOf(defaultOutput: number, unbounded: boolean, unpriced: string[]): string[] {
  return [
    "input tokens are the rendered prompts' (or messages' contents'), counted with gpt-tokenizer's cl100k_base; a provider's own tokenizer and its chat formatting differ somewhat",
    'a prompt that shows a reply not made yet counts a short placeholder instead of that reply',
    unbounded
      ? `output tokens are each call's max_tokens, or ${defaultOutput} for a call without it`
      : "output tokens are each call's max_tokens (an upper bound)",
    'calls that depend on replies not made yet (conditions, loops over a reply) follow what the placeholders give',
    'identical calls are made once; cached calls are not made again',
    ...(unpriced.length > 0
      ? [`no price in the config for ${unpriced.join(', ')}: those calls have no cost`]
      : []),
  ];
}

function emptyTotals(): CostEstimateTotals {
  return { calls: 0, cached: 0, inputTokens: 0, outputTokens: 0, costUsd: null, savedUsd: null };
}

function addUsd(sum: number | null, cost: number): number {
  return Math.round(((sum ?? 0) + cost) * 1e10) / 1e10;
}
