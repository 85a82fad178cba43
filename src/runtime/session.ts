import { setMaxListeners } from 'node:events';
import type { Backend, TokenUsage } from '../backends/backend.js';
import type { CachedEntry, CallCache } from '../cache/call-cache.js';
import { BackendLimiter } from './backend-limiter.js';
import { Semaphore } from './semaphore.js';
import { OrderBook } from './source-order.js';

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
  /** Calls in flight by cache key, with how the reply ended and its usage (for joiners' traces). */
  readonly inFlight = new Map<
    string,
    Promise<{ value: unknown; finishReason?: string; usage?: TokenUsage }>
  >();
  /** Where each call stands in source order, for a display that shows calls in that order. */
  readonly order = new OrderBook();
  private readonly warned = new Set<string>();
  private callIds = 0;
  // A counter, not a set: only the moment the last write settles matters.
  private writing = 0;
  private whenWritten: (() => void)[] = [];

  constructor(options: SessionOptions) {
    this.cache = options.cache;
    this.signal = options.signal ?? new AbortController().signal;
    // Every waiting call and every request in flight listens to this one signal.
    setMaxListeners(0, this.signal);
    this.global = new Semaphore(options.concurrency ?? 64);
    this.dryRun = options.dryRun ?? false;
  }

  /** The next id of a streamed call: calls count from 0 in the order they are issued. */
  nextCallId(): number {
    return this.callIds++;
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

  /**
   * Stores a result in the background: the call gives its slot back as soon as the reply is
   * known, and `writesSettled` waits for the write (a failed write is already a cache warning).
   */
  write(key: string, entry: CachedEntry): Promise<void> {
    this.writing++;
    return this.cache.set(key, entry).then(
      () => this.written(),
      () => this.written(),
    );
  }

  /** Resolves once every write started so far has settled (before a run ends or its cache closes). */
  writesSettled(): Promise<void> {
    if (this.writing === 0) return Promise.resolve();
    return new Promise((resolve) => this.whenWritten.push(resolve));
  }

  private written(): void {
    if (--this.writing > 0) return;
    const waiting = this.whenWritten;
    this.whenWritten = [];
    for (const resolve of waiting) resolve();
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
