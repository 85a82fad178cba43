import { describe, expect, it } from 'vitest';
import type { CompletionRequest } from '../../src/backends/backend.js';
import { BackendLimiter } from '../../src/runtime/backend-limiter.js';
import { Semaphore } from '../../src/runtime/semaphore.js';
import { DEFAULT_OUTPUT_TOKENS, estimateTokens } from '../../src/runtime/token-estimate.js';
import { FakeClock, flush } from './fake-clock.js';

const never = new AbortController().signal;

function request(prompt: string, max_tokens?: number): CompletionRequest {
  return {
    prompt,
    messages: null,
    args: max_tokens === undefined ? {} : { max_tokens },
    responseSchema: null,
    choices: null,
    builtin: 'generate_text',
    signal: never,
  };
}

/** How many of `count` waiting acquisitions of `semaphore` have been granted so far. */
function waiters(semaphore: { acquire(signal?: AbortSignal): Promise<() => void> }, count: number) {
  const released: (() => void)[] = [];
  for (let i = 0; i < count; i++)
    void semaphore.acquire().then((release) => released.push(release));
  return released;
}

describe('Semaphore.setCapacity', () => {
  it('takes slots back as they are released and gives added ones to waiters', async () => {
    const semaphore = new Semaphore(4);
    const held = [0, 1, 2, 3].map(() => semaphore.tryAcquire()!);
    const granted = waiters(semaphore, 3);
    semaphore.setCapacity(2);
    // Two releases only pay back the removed slots; the third goes to a waiter.
    held[0]!();
    held[1]!();
    await flush();
    expect(granted).toHaveLength(0);
    held[2]!();
    await flush();
    expect(granted).toHaveLength(1);
    // Back up to 4: the two added slots go to the two waiters left.
    semaphore.setCapacity(4);
    await flush();
    expect(granted).toHaveLength(3);
    expect(semaphore.tryAcquire()).toBeNull();
  });

  it('lowers free slots at once', () => {
    const semaphore = new Semaphore(3);
    semaphore.setCapacity(1);
    expect(semaphore.tryAcquire()).not.toBeNull();
    expect(semaphore.tryAcquire()).toBeNull();
  });
});

describe('BackendLimiter', () => {
  it('halves concurrency on a 429 and regains it one slot per round of successes', async () => {
    const limiter = new BackendLimiter(4, { rpm: null, tpm: null }, new FakeClock());
    const gate = limiter.gate(request('x'));
    gate.rateLimited(null);
    expect(limiter.concurrency).toBe(2);
    expect(limiter.tryAcquire()).not.toBeNull();
    expect(limiter.tryAcquire()).not.toBeNull();
    expect(limiter.tryAcquire()).toBeNull();
    gate.succeeded();
    gate.succeeded();
    expect(limiter.concurrency).toBe(3);
    expect(limiter.tryAcquire()).not.toBeNull();
  });

  it("holds every call's next attempt until the Retry-After of one 429 has passed", async () => {
    const clock = new FakeClock();
    const limiter = new BackendLimiter(8, { rpm: null, tpm: null }, clock);
    const [a, b, c] = [
      limiter.gate(request('a')),
      limiter.gate(request('b')),
      limiter.gate(request('c')),
    ];
    await a.beforeAttempt(never);
    a.rateLimited(2000);
    const started: string[] = [];
    void b.beforeAttempt(never).then(() => started.push('b'));
    void c.beforeAttempt(never).then(() => started.push('c'));
    await clock.advance(1999);
    expect(started).toEqual([]);
    await clock.advance(1);
    expect(started).toEqual(['b', 'c']);
  });

  it('charges the estimate to tpm and corrects it with record(actual)', async () => {
    const clock = new FakeClock();
    // 60 000 tokens a minute: one a millisecond.
    const limiter = new BackendLimiter(8, { rpm: null, tpm: 60_000 }, clock);
    const first = limiter.gate(request('x'.repeat(400), 100));
    expect(estimateTokens(request('x'.repeat(400), 100))).toBe(200);
    await first.beforeAttempt(never);
    const started: number[] = [];
    void limiter
      .gate(request('y'))
      .beforeAttempt(never)
      .then(() => started.push(clock.now()));
    await clock.advance(50);
    expect(started).toEqual([]);
    first.record(50);
    await flush();
    expect(started).toEqual([1050]);
  });
});

describe('estimateTokens', () => {
  it('counts characters ÷ 4, message overhead and max_tokens or the default', () => {
    expect(estimateTokens(request('abcdefgh'))).toBe(2 + DEFAULT_OUTPUT_TOKENS);
    expect(
      estimateTokens({
        ...request('', 10),
        prompt: null,
        messages: [
          { role: 'system', content: 'abcd' },
          { role: 'user', content: 'abcde' },
        ],
      }),
    ).toBe(3 + 8 + 10);
  });
});
