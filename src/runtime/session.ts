import { setMaxListeners } from 'node:events';
import type { Backend } from '../backends/backend.js';
import type { CallCache } from '../cache/call-cache.js';
import { BackendLimiter } from './backend-limiter.js';
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
  private readonly perBackend = new Map<Backend, BackendLimiter>();
  /** Calls in flight by cache key. */
  readonly inFlight = new Map<string, Promise<{ value: unknown }>>();

  constructor(options: SessionOptions) {
    this.cache = options.cache;
    this.signal = options.signal ?? new AbortController().signal;
    // Every waiting call and every request in flight listens to this one signal.
    setMaxListeners(0, this.signal);
    this.global = new Semaphore(options.concurrency ?? 64);
    this.dryRun = options.dryRun ?? false;
  }

  /**
   * What paces a backend: its concurrency cap (config `concurrency`, default 32, lowered by
   * 429s), its `rpm`/`tpm` budgets and `Retry-After` pauses (backend-limiter.ts).
   */
  limiterFor(backend: Backend): BackendLimiter {
    let limiter = this.perBackend.get(backend);
    if (!limiter) {
      limiter = new BackendLimiter(
        backend.concurrency || 32,
        backend.rateLimits ?? { rpm: null, tpm: null },
      );
      this.perBackend.set(backend, limiter);
    }
    return limiter;
  }
}
