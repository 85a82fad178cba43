import { openCache } from '../cache/open-cache.js';
import type { CallCache } from '../cache/call-cache.js';
import type { OtConfig } from '../config/config-types.js';
import { Session } from '../runtime/session.js';
import type { TraceLine } from '../report/report-data.js';
import { resolveFakePath } from './check-eval-spec.js';
import type { EvalSpec } from './eval-spec.js';
import type { EvalResultRow, EvalSummary } from './eval-types.js';
import { checkEvalData, loadEvalFile } from './load-eval.js';
import { prepareEval } from './prepare-eval.js';
import { runEval } from './run-eval.js';
import { EvalSummaryBuilder } from './summary-builder.js';

/** Options of `evaluate`. */
export interface EvaluateOptions {
  /** Where the spec's relative paths start (default the working directory; a file: its folder). */
  base?: string;
  /** Backends that replace the eval's (`fake:` paths relative to the working directory). */
  backends?: string[];
  /** The config file, a config, or null for none (default: found upward from the eval). */
  config?: string | OtConfig | null;
  /** The call cache (default: in memory for this evaluation). */
  cache?: CallCache;
  /** Most calls in flight. */
  concurrency?: number;
  /** Stops the evaluation: calls in flight are aborted and `evaluate` rejects. */
  signal?: AbortSignal;
  /** Each call as it completes, with the row it belongs to. */
  onCall?: (call: TraceLine) => void;
  /** Each result once scored, in order (flow, backend, row, sample). */
  onResult?: (result: EvalResultRow) => void;
}

/** What `evaluate` gives: the summary (cells and comparisons) and every scored result. */
export interface EvaluateResult {
  summary: EvalSummary;
  results: EvalResultRow[];
}

/**
 * Runs an eval — an eval file's path, or the same keys as data — and scores it: the TypeScript
 * twin of `ot eval`. Everything is checked before any call (an OtError carries every problem).
 */
export async function evaluate(
  spec: EvalSpec | string,
  options: EvaluateOptions = {},
): Promise<EvaluateResult> {
  const checked =
    typeof spec === 'string' ? loadEvalFile(spec).checked : checkEvalData(spec, options.base);
  const prepared = await prepareEval(checked, {
    backends: (options.backends ?? []).map((name) => ({
      name,
      spec: resolveFakePath(name, process.cwd()),
    })),
    ...(options.config !== undefined ? { config: options.config } : {}),
  });
  const ownCache = options.cache ? null : await openCache('memory', { cwd: process.cwd() });
  const session = new Session({
    cache: options.cache ?? ownCache!,
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  try {
    const builder = new EvalSummaryBuilder(prepared.scorers.map((scorer) => scorer.name));
    const results: EvalResultRow[] = [];
    const run = await runEval(prepared, {
      session,
      startedAt: performance.now(),
      keepCalls: true,
      ...(options.onCall ? { onCall: options.onCall } : {}),
      onResult: (result, calls) => {
        builder.add(result, calls);
        results.push(result);
        options.onResult?.(result);
      },
    });
    if (run.cancelled) throw options.signal?.reason ?? new Error('the evaluation was cancelled');
    return { summary: builder.build(), results };
  } finally {
    await ownCache?.close();
  }
}
