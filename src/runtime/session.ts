import { setMaxListeners } from 'node:events';
import type { Backend } from '../backends/backend.js';
import type { CallCache } from '../cache/call-cache.js';
import { Semaphore } from './semaphore.js';

/** Options of a session: what every run in it shares. */
export interface SessionOptions {
  cache: CallCache;
  /** Most model calls in flight across all backends (`--concurrency`); default 64. */
  concurrency?: number;
  /** Aborts every call in flight and every waiting one (Ctrl-C). */
  signal?: AbortSignal;
  /** Replay cached calls but never call a backend: a miss gives a placeholder (`--dry-run`). */
  dryRun?: boolean;
}

/**
 * What the runs of one command share: one cache, one scheduler (a global cap and a cap per
 * backend), and single flight, so identical calls of different rows reach a backend once.
 */
export class Session {
  readonly cache: CallCache;
  readonly signal: AbortSignal;
  readonly global: Semaphore;
  readonly dryRun: boolean;
  private readonly perBackend = new Map<Backend, Semaphore>();
  /** Calls in flight by cache key, with how the reply ended (for joiners' traces). */
  readonly inFlight = new Map<string, Promise<{ value: unknown; finishReason?: string }>>();
  private readonly warned = new Set<string>();

  constructor(options: SessionOptions) {
    this.cache = options.cache;
    this.signal = options.signal ?? new AbortController().signal;
    // Every waiting call and every request in flight listens to this one signal.
    setMaxListeners(0, this.signal);
    this.global = new Semaphore(options.concurrency ?? 64);
    this.dryRun = options.dryRun ?? false;
  }

  /**
   * Passes `message` to `warn` the first time this session sees it: messages name the cache
   * key, so a bad entry or a cut-off reply is one warning however many rows replay it.
   */
  warnOnce(message: string, warn: (message: string) => void): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    warn(message);
  }

  /** The concurrency cap of a backend (its config's `concurrency`, default 32). */
  limiterFor(backend: Backend): Semaphore {
    let semaphore = this.perBackend.get(backend);
    if (!semaphore) {
      semaphore = new Semaphore(backend.concurrency || 32);
      this.perBackend.set(backend, semaphore);
    }
    return semaphore;
  }
}
