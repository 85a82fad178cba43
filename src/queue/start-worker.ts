import { Worker } from 'bullmq';
import { openCache } from '../cache/open-cache.js';
import type { OtConfig } from '../config/config-types.js';
import { createBackendResolver } from '../runtime/backend-resolver.js';
import { createRegistry } from '../runtime/registry/registry.js';
import { Session } from '../runtime/session.js';
import type { QueueAddress } from './queue-url.js';
import type { RowJob, RowOutcome } from './row-job.js';
import { runRowJob, type WorkerServices } from './run-row-job.js';

/** Default BullMQ lock of a job (and life of a call's lock): 30 s, BullMQ's own default. */
export const DEFAULT_WORKER_LOCK_MS = 30_000;

/** Options of `startWorker`. */
export interface StartWorkerOptions {
  address: QueueAddress;
  config: OtConfig | null;
  /** Rows run at once by this worker. */
  concurrency: number;
  /**
   * How long a job (and a call) stays locked without renewal: a worker killed with `kill -9`
   * gives its jobs back after about this long (BullMQ's stalled-job check runs as often), and
   * its calls in flight may be made again by another worker after it.
   */
  lockMs: number;
  /** `--cache` of the worker: overrides the jobs' cache. */
  cache: string | undefined;
  warn(message: string): void;
  /** Called once the worker listens on the queue. */
  onReady(): void;
}

/** A running worker: `close` finishes the jobs it holds, then releases every connection. */
export interface RunningWorker {
  close(): Promise<void>;
}

/**
 * Starts a BullMQ worker that runs queued rows with this machine's backends and config. The
 * queue, its retries of lost jobs and its stalled-job detection are BullMQ's; single flight
 * across workers is the shared cache's lock (redis-lock.ts).
 */
export function startWorker(options: StartWorkerOptions): RunningWorker {
  const { address, config } = options;
  const registry = createRegistry();
  registry.defaultBackend = config?.defaultBackend ?? null;
  const resolveBackend = createBackendResolver(registry, config);
  const sessions = new Map<string, Promise<Session>>();
  const services: WorkerServices = {
    registry,
    resolveBackend,
    warn: options.warn,
    sessionFor(cache) {
      const spec = options.cache ?? cache ?? address.redisUrl;
      let session = sessions.get(spec);
      if (!session) {
        session = openCache(spec, {
          cwd: process.cwd(),
          onWarning: options.warn,
          lockTtlMs: options.lockMs,
        }).then((opened) => new Session({ cache: opened }));
        sessions.set(spec, session);
      }
      return session;
    },
  };
  const worker = new Worker<RowJob, RowOutcome>(
    address.name,
    (job) => runRowJob(job.data, services),
    {
      connection: { ...address.connection, maxRetriesPerRequest: null },
      concurrency: options.concurrency,
      lockDuration: options.lockMs,
      stalledInterval: options.lockMs,
      // A job whose worker dies is handed on this many times before it counts as failed.
      maxStalledCount: 3,
    },
  );
  worker.once('ready', () => options.onReady());
  worker.on('error', (error) => options.warn(`queue ${address.label}: ${error.message}`));
  let closing: Promise<void> | undefined;
  return {
    close() {
      closing ??= (async () => {
        await worker.close();
        for (const session of sessions.values()) await (await session).cache.close();
      })();
      return closing;
    },
  };
}
