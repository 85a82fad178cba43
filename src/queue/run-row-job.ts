import type { BackendResolver } from '../runtime/backend-resolver.js';
import { cloneRegistry } from '../runtime/registry/registry.js';
import type { Registry } from '../runtime/registry/types.js';
import type { RunContext } from '../runtime/run-context.js';
import { runProgram } from '../runtime/run-program.js';
import type { Session } from '../runtime/session.js';
import type { TraceEvent } from '../runtime/trace.js';
import { addToUsageTotals, emptyUsageTotals } from '../runtime/usage/usage-totals.js';
import { createSourceFile, type SourceFile } from '../source/source-file.js';
import { programHooks } from '../template.js';
import { errorToData, ROW_JOB_VERSION, type RowJob, type RowOutcome } from './row-job.js';

/** What a worker brings to every job: its registry and backends, and a session per cache. */
export interface WorkerServices {
  /** The worker's registry; its `defaultBackend` is the worker config's. */
  registry: Registry;
  /** Backends by name from the worker's config (created once, shared by all jobs). */
  resolveBackend: BackendResolver;
  /** The session (scheduler, single flight, cache) for a job's cache. */
  sessionFor(cache: string | null): Promise<Session>;
  warn(message: string): void;
}

/**
 * Runs one queued row as `ot run` would run it locally, and returns its result or its error
 * as data (a failed row is an answer, not a job to retry), with its calls' totals (made and
 * replayed, tokens, cost).
 */
export async function runRowJob(job: RowJob, services: WorkerServices): Promise<RowOutcome> {
  const calls = emptyUsageTotals();
  const events: TraceEvent[] | null = job.events === true ? [] : null;
  const traced = events ? { events, startedAtMs: Date.now() } : {};
  try {
    if (job.version !== ROW_JOB_VERSION) {
      throw new Error(
        `this worker reads queued runs of version ${ROW_JOB_VERSION}, not ${String(job.version)}: run the same ot version on producer and workers`,
      );
    }
    const sources: Record<string, SourceFile> = {};
    for (const [path, text] of Object.entries(job.sources))
      sources[path] = createSourceFile(path, text);
    const registry = cloneRegistry(services.registry);
    registry.defaultBackend = job.defaultBackend ?? services.registry.defaultBackend;
    const context: RunContext = {
      session: await services.sessionFor(job.cache),
      registry,
      backendName: job.backend,
      trace: (event) => {
        addToUsageTotals(calls, event);
        events?.push(event);
      },
      startedAt: performance.now(),
      sample: job.sample ?? '',
      warn: services.warn,
    };
    const hooks = programHooks(job.program, sources, services.resolveBackend);
    const result = await runProgram(job.program, job.inputs, context, hooks);
    return {
      ok: true,
      text: result.text,
      outputs: result.outputs,
      result: result.result,
      calls,
      ...traced,
    };
  } catch (error) {
    return { ok: false, error: errorToData(error), calls, ...traced };
  }
}
