import type { CallCache } from '../../cache/call-cache.js';
import { openCache } from '../../cache/open-cache.js';
import { cloneRegistry, createRegistry } from '../../runtime/registry/registry.js';
import type { Registry } from '../../runtime/registry/types.js';
import type { RunContext } from '../../runtime/run-context.js';
import type { RunResult } from '../../runtime/run-program.js';
import { Session } from '../../runtime/session.js';
import type { TraceSink } from '../../runtime/trace.js';
import { usageTracker } from '../../runtime/usage/usage-tracker.js';
import type { UsageTotals } from '../../runtime/usage/usage-totals.js';
import { cacheSpec, setUpBackends } from './run-setup.js';
import type { RunnableFlow } from './runnable-flow.js';
import { TraceWriter } from './trace-writer.js';

/** Options of one run from code, named and read like `ot run`'s flags. */
export interface FlowRunOptions {
  /** A backend of the config or the registry, or `fake:PATH` (`--backend`). */
  backend?: string;
  /**
   * `off`, `memory`, a directory or `redis://…` (`--cache`), or a CallCache to share; by
   * default, as the CLI: the config's `cache:`, else `.ot-cache/` in the working directory.
   */
  cache?: string | CallCache;
  /** A file to write the trace to, one JSON line per call sample (`--trace`), or a function receiving each event. */
  trace?: string | TraceSink;
  /** The config file (`--config`); by default `ot.config.yaml` found upward from the flow. */
  config?: string;
  /** Most calls in flight at once (`--concurrency`). */
  concurrency?: number;
  /** Replay cached calls, never call a backend (`--dry-run`). */
  dryRun?: boolean;
  /** Aborts calls in flight. */
  signal?: AbortSignal;
  /** Backends registered in code, usable by name (a copy is used: it is not changed). */
  registry?: Registry;
  /** Non-fatal problems (cache warnings); default Node process warnings. */
  onWarning?: (message: string) => void;
  /** Receives the run's calls, tokens and cost once it ends, also when it fails (as `run`'s). */
  onUsage?: (totals: UsageTotals) => void;
}

/**
 * Runs a flow once from code with the CLI's settings: config and backends checked before any
 * call, the cache opened (and closed afterwards unless it was given), the trace written.
 */
export async function runFlowOnce(
  flow: RunnableFlow,
  inputs: Record<string, unknown>,
  options: FlowRunOptions = {},
): Promise<RunResult> {
  const warn =
    options.onWarning ?? ((message: string) => process.emitWarning(message, 'OtWarning'));
  const registry = options.registry ? cloneRegistry(options.registry) : createRegistry();
  const { config, resolveBackend } = setUpBackends(
    flow,
    options.config,
    [options.backend ?? null],
    registry,
  );
  const ownCache =
    typeof options.cache === 'object'
      ? null
      : await openCache(cacheSpec(options.cache, config), { cwd: process.cwd(), onWarning: warn });
  const cache = ownCache ?? (options.cache as CallCache);
  const writer = typeof options.trace === 'string' ? new TraceWriter(options.trace) : null;
  const usage = usageTracker(
    typeof options.trace === 'function'
      ? options.trace
      : writer
        ? (event) => writer.write(event)
        : null,
    options.onUsage,
  );
  const trace: TraceSink | null = usage.trace;
  const session = new Session({
    cache,
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.dryRun ? { dryRun: true } : {}),
  });
  const context: RunContext = {
    session,
    registry,
    backendName: options.backend ?? null,
    trace,
    startedAt: performance.now(),
    sample: '',
    warn,
  };
  try {
    return await flow.run(inputs, context, resolveBackend);
  } finally {
    await session.writesSettled();
    await ownCache?.close();
    await writer?.close();
    usage.finish();
  }
}
