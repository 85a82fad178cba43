import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/runtime/rate-limiter.js';
import { FakeClock, flush } from './fake-clock.js';

/** Starts `count` acquisitions of `tokens` each and records, for each, when it was granted. */
function start(
  limiter: RateLimiter,
  clock: FakeClock,
  count: number,
  tokens = 0,
  signal?: AbortSignal,
) {
  const grantedAt: (number | null)[] = Array.from({ length: count }, () => null);
  const settled = Array.from({ length: count }, (_, i) =>
    limiter.acquire(tokens, signal).then(
      () => (grantedAt[i] = clock.now()),
      (error: unknown) => error,
    ),
  );
  return { grantedAt, settled };
}

describe('RateLimiter (token buckets without burst, on a fake clock)', () => {
  it('spaces requests 60 000 / rpm ms apart, first come first served, one timer per grant', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ rpm: 600, tpm: null }, clock);
    const { grantedAt } = start(limiter, clock, 4);
    await flush();
    expect(grantedAt).toEqual([1000, null, null, null]);
    expect(clock.pending).toBe(1);
    await clock.advance(1000);
    expect(grantedAt).toEqual([1000, 1100, 1200, 1300]);
    // No polling: one timer for each request that had to wait, and none left armed.
    expect(clock.scheduled).toBe(3);
    expect(clock.pending).toBe(0);
  });

  it('does not save idle time up into a burst', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ rpm: 600, tpm: null }, clock);
    await limiter.acquire(0);
    await clock.advance(10_000);
    const { grantedAt } = start(limiter, clock, 2);
    await flush();
    await clock.advance(99);
    expect(grantedAt).toEqual([11_000, null]);
    await clock.advance(1);
    expect(grantedAt).toEqual([11_000, 11_100]);
  });

  it('charges tokens to tpm and corrects the charge from the reported usage', async () => {
    const clock = new FakeClock();
    // 6 000 tokens a minute: 100 a second, so a 500-token request holds the next for 5 s.
    const limiter = new RateLimiter({ rpm: null, tpm: 6000 }, clock);
    await limiter.acquire(500);
    const { grantedAt } = start(limiter, clock, 1, 500);
    await clock.advance(2000);
    expect(grantedAt).toEqual([null]);
    // The first request really used 200 tokens: 300 fewer, so 3 s sooner.
    limiter.adjust(-300);
    await flush();
    expect(grantedAt).toEqual([3000]);
    // The second used 800: the next waits 5 s + 3 s after it.
    limiter.adjust(300);
    const next = start(limiter, clock, 1, 0);
    await clock.advance(7999);
    expect(next.grantedAt).toEqual([null]);
    await clock.advance(1);
    expect(next.grantedAt).toEqual([11_000]);
  });

  it('holds every request until a Retry-After pause ends', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ rpm: null, tpm: null }, clock);
    limiter.pause(2500);
    const { grantedAt } = start(limiter, clock, 3);
    await clock.advance(2499);
    expect(grantedAt).toEqual([null, null, null]);
    await clock.advance(1);
    expect(grantedAt).toEqual([3500, 3500, 3500]);
  });

  it('lets an aborted waiter go at once and disarms the timer when no one waits', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ rpm: 60, tpm: null }, clock);
    await limiter.acquire(0);
    const controller = new AbortController();
    const { grantedAt, settled } = start(limiter, clock, 2, 0, controller.signal);
    await flush();
    expect(limiter.waiting).toBe(2);
    controller.abort(new Error('stop'));
    const outcomes = await Promise.all(settled);
    expect(outcomes.map((o) => (o instanceof Error ? o.message : o))).toEqual(['stop', 'stop']);
    expect(grantedAt).toEqual([null, null]);
    expect(limiter.waiting).toBe(0);
    expect(clock.pending).toBe(0);
    await expect(limiter.acquire(0, controller.signal)).rejects.toThrow('stop');
  });
});
