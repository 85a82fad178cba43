import type { EvalFlow } from '../eval/prepare-eval.js';
import type { FlowRunner } from '../eval/run-eval.js';
import { rowJobId } from './job-id.js';
import { queueMessage } from './queue-error.js';
import { errorFromData, ROW_JOB_VERSION, type RowJob } from './row-job.js';
import type { RowQueue, Submitted } from './row-queue.js';

/** Options of `queuedFlowRunner`: what every job carries besides the flow and the row. */
export interface QueuedFlowOptions {
  /** The shared cache (`redis://…` or `off`); null: the queue's redis server. */
  cache: string | null;
  /** The producer config's `default_backend`, or null: the workers' own. */
  defaultBackend: string | null;
  /** Ctrl-C: a run waiting for its worker stops waiting (the job stays on the queue). */
  signal: AbortSignal;
}

/** A `FlowRunner` over a queue, and what it sent. */
export interface QueuedFlows {
  runFlow: FlowRunner;
  /** Ids of the jobs sent, to remove once every result is read. */
  ids: string[];
  /** How many jobs an earlier producer had already sent (finished or still queued). */
  resumed: { finished: number; queued: number };
}

/**
 * Runs each flow of an eval as a BullMQ job (the same `RowJob` as `ot run --queue`, with the
 * sample key and the trace events asked back), so workers make the calls with their own
 * backends and the shared cache; the worker's calls are replayed into the run's trace with
 * their times moved onto the eval's clock. Job ids are digests of the job and its place in the
 * eval, so a rerun after the producer died reads the finished ones instead of sending them again.
 */
export function queuedFlowRunner(queue: RowQueue, options: QueuedFlowOptions): QueuedFlows {
  const texts = new Map<EvalFlow, Record<string, string>>();
  const textsOf = (flow: EvalFlow): Record<string, string> => {
    let found = texts.get(flow);
    if (!found) {
      found = Object.fromEntries(Object.entries(flow.sources).map(([p, f]) => [p, f.text]));
      texts.set(flow, found);
    }
    return found;
  };
  const ids: string[] = [];
  const resumed = { finished: 0, queued: 0 };
  const runFlow: FlowRunner = async (job, inputs, context) => {
    const rowJob: RowJob = {
      version: ROW_JOB_VERSION,
      program: job.flow.program,
      sources: textsOf(job.flow),
      inputs,
      backend: job.backend.spec,
      defaultBackend: options.defaultBackend,
      cache: options.cache,
      sample: context.sample,
      events: true,
    };
    const id = rowJobId(rowJob, job.index);
    const submitted: Submitted = await queue.submit(id, rowJob);
    ids.push(id);
    if (submitted !== 'new') resumed[submitted]++;
    const outcome = await untilAborted(
      queue.outcome(id).catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(queueMessage('OT4027', { reason }));
      }),
      options.signal,
    );
    // The worker timed its calls from its own start: moved onto the eval's clock.
    const evalBeganAtMs = Date.now() - (performance.now() - context.startedAt);
    const shift = (outcome.startedAtMs ?? evalBeganAtMs) - evalBeganAtMs;
    for (const event of outcome.events ?? []) {
      context.trace?.({ ...event, start_ms: event.start_ms + shift, end_ms: event.end_ms + shift });
    }
    if (!outcome.ok) throw errorFromData(outcome.error);
    return { text: outcome.text, outputs: outcome.outputs, result: outcome.result };
  };
  return { runFlow, ids, resumed };
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}
