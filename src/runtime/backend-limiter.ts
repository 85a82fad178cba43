import type { CompletionRequest } from '../backends/backend.js';
import type { RateGate, RateLimits } from '../backends/rate-gate.js';
import { MAX_RETRY_AFTER_MS } from '../backends/retry.js';
import { AimdController } from './aimd.js';
import { realClock, type Clock } from './clock.js';
import { RateLimiter } from './rate-limiter.js';
import { Semaphore } from './semaphore.js';
import { estimateTokens } from './token-estimate.js';

/**
 * Everything that paces one backend in a session: its concurrency slots (the config's cap,
 * lowered by 429s and regained gradually), its `rpm`/`tpm` budgets, and the `Retry-After`
 * pause a 429 puts on all its calls.
 */
export class BackendLimiter {
  private readonly slots: Semaphore;
  private readonly aimd: AimdController;
  readonly rate: RateLimiter;

  constructor(
    concurrency: number,
    limits: RateLimits,
    private readonly clock: Clock = realClock,
  ) {
    this.slots = new Semaphore(concurrency);
    this.aimd = new AimdController(concurrency);
    this.rate = new RateLimiter(limits, clock);
  }

  /** Calls allowed in flight now (the cap, or less after 429s). */
  get concurrency(): number {
    return this.aimd.limit;
  }

  /** Takes a concurrency slot now if one is free; null when all are taken. */
  tryAcquire(): (() => void) | null {
    return this.slots.tryAcquire();
  }

  /** Waits for a concurrency slot; the returned function gives it back. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    return this.slots.acquire(signal);
  }

  /** The rate gate for one request, charged its estimated tokens before each attempt. */
  gate(request: CompletionRequest): RateGate {
    const estimate = this.rate.limits.tpm === null ? 0 : estimateTokens(request);
    let charged = 0;
    return {
      beforeAttempt: async (signal) => {
        await this.rate.acquire(estimate, signal);
        charged = estimate;
      },
      rateLimited: (retryAfterMs) => {
        if (this.aimd.rateLimited()) this.slots.setCapacity(this.aimd.limit);
        // A longer wait fails the call in the retry policy; the others still hold off that long.
        if (retryAfterMs !== null) this.rate.pause(Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
      },
      succeeded: () => {
        if (this.aimd.succeeded()) this.slots.setCapacity(this.aimd.limit);
      },
      record: (actualTokens) => {
        // Only the last attempt's charge is corrected, once: earlier ones were refused or failed.
        this.rate.adjust(actualTokens - charged);
        charged = actualTokens;
      },
    };
  }
}
