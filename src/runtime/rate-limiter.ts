import type { RateLimits } from '../backends/rate-gate.js';
import { realClock, type Clock } from './clock.js';

interface Waiter {
  tokens: number;
  resolve: () => void;
}

const MINUTE_MS = 60_000;

/**
 * How late a timer may fire and still have its request charged from its due time: otherwise
 * every late wake-up (a millisecond or more on a busy loop) would be lost for good and a long
 * run would fall well short of the limit. Never lets a request go before its due time.
 */
const LATE_TOLERANCE_MS = 25;

/**
 * Requests-per-minute and tokens-per-minute budgets of one backend, plus the pause a server's
 * `Retry-After` asks for. Each budget is a token bucket without burst (GCRA): a request may go
 * once the budget's "theoretical arrival time" has passed, and then pushes it forward by its cost
 * (one request, or its tokens) ÷ the rate. So `rpm: 600` spaces requests 100 ms apart: providers
 * enforce per-minute limits over shorter windows, so a minute's worth at once would be refused.
 * Waiters go first come, first served; one timer is armed for the moment the head may go.
 */
export class RateLimiter {
  /** When the next request may go, by `rpm`; by `tpm`; by `Retry-After`. */
  private requestsAt = -Infinity;
  private tokensAt = -Infinity;
  private pausedUntil = -Infinity;
  private readonly queue: Waiter[] = [];
  private cancelTimer: (() => void) | null = null;

  constructor(
    readonly limits: RateLimits,
    private readonly clock: Clock = realClock,
  ) {}

  /** Waits until the budgets allow one more request of `tokens`, then charges it. */
  acquire(tokens: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    if (this.queue.length === 0 && this.readyAt() <= this.clock.now()) {
      this.charge(tokens, this.clock.now());
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        tokens,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = (): void => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
        if (this.queue.length === 0) this.disarm();
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      if (this.queue.length === 1) this.arm();
    });
  }

  /** Corrects the token budget by what a request used beyond (or below) what it was charged. */
  adjust(extraTokens: number): void {
    if (this.limits.tpm === null || extraTokens === 0) return;
    this.tokensAt += (extraTokens * MINUTE_MS) / this.limits.tpm;
    this.arm();
  }

  /** Holds every request until `ms` from now (a server's `Retry-After`). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
    this.arm();
  }

  /** Requests waiting for the budget. */
  get waiting(): number {
    return this.queue.length;
  }

  private readyAt(): number {
    return Math.max(this.requestsAt, this.tokensAt, this.pausedUntil);
  }

  /** Charges a request from `from`: now when the budget sat idle, so unused time is not saved up. */
  private charge(tokens: number, from: number): void {
    if (this.limits.rpm !== null)
      this.requestsAt = Math.max(this.requestsAt, from) + MINUTE_MS / this.limits.rpm;
    if (this.limits.tpm !== null)
      this.tokensAt = Math.max(this.tokensAt, from) + (tokens * MINUTE_MS) / this.limits.tpm;
  }

  /** Lets every waiter go whose time has come, then sets the one timer for the next. */
  private arm(): void {
    this.disarm();
    while (this.queue.length > 0) {
      const wait = this.readyAt() - this.clock.now();
      if (wait > 0) {
        // Timers have whole-millisecond resolution and may fire a little early; then we re-arm.
        this.cancelTimer = this.clock.schedule(
          () => {
            this.cancelTimer = null;
            this.arm();
          },
          Math.max(1, Math.ceil(wait)),
        );
        return;
      }
      const head = this.queue.shift()!;
      this.charge(head.tokens, this.clock.now() - LATE_TOLERANCE_MS);
      head.resolve();
    }
  }

  private disarm(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }
}
