import { describe, expect, it } from 'vitest';
import { BackendError } from '../../src/backends/backend-error.js';
import {
  MAX_RETRY_AFTER_MS,
  backoffDelayMs,
  isRetryableStatus,
  parseRetryAfter,
  withRetries,
} from '../../src/backends/retry.js';
import { recordingSleep } from '../helpers/provider-servers/backend-for.js';

const never = new AbortController().signal;

/** An attempt function that fails with the given errors in turn, then answers `done`. */
function scripted(failures: BackendError[]): {
  attempt: (signal: AbortSignal) => Promise<string>;
  calls: () => number;
} {
  let calls = 0;
  return {
    attempt: async () => {
      const failure = failures[calls++];
      if (failure) throw failure;
      return 'done';
    },
    calls: () => calls,
  };
}

const status = (code: number, retryAfterMs: number | null = null): BackendError =>
  new BackendError(`HTTP ${code}`, {
    status: code,
    retryable: isRetryableStatus(code),
    retryAfterMs,
  });

describe('isRetryableStatus', () => {
  it('retries 408, 409, 429 and 5xx only', () => {
    expect([408, 409, 429, 500, 502, 503, 504, 529].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 413, 422].some(isRetryableStatus)).toBe(false);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds, fractions and retry-after-ms (which wins)', () => {
    expect(parseRetryAfter({ 'retry-after': '7' })).toBe(7000);
    expect(parseRetryAfter({ 'retry-after': '0.5' })).toBe(500);
    expect(parseRetryAfter({ 'retry-after': '7', 'retry-after-ms': '1234.2' })).toBe(1235);
    expect(parseRetryAfter({})).toBeNull();
    expect(parseRetryAfter({ 'retry-after': 'soon' })).toBeNull();
  });

  it('reads an HTTP date relative to now, never negative', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(parseRetryAfter({ 'retry-after': 'Wed, 21 Oct 2026 07:28:05 GMT' }, now)).toBe(5000);
    expect(parseRetryAfter({ 'retry-after': 'Wed, 21 Oct 2026 07:27:00 GMT' }, now)).toBe(0);
  });
});

describe('backoffDelayMs', () => {
  it('grows exponentially with jitter between half and all of the ceiling, capped', () => {
    expect(backoffDelayMs(0, () => 0)).toBe(250);
    expect(backoffDelayMs(0, () => 0.999999)).toBe(500);
    expect(backoffDelayMs(2, () => 0.5)).toBe(1500);
    expect(backoffDelayMs(20, () => 0.999999)).toBe(8000);
  });
});

describe('withRetries', () => {
  it('retries retryable failures with backoff, then succeeds', async () => {
    const { attempt, calls } = scripted([status(500), status(503)]);
    const sleep = recordingSleep();
    const result = await withRetries(attempt, never, {
      maxRetries: 2,
      timeoutMs: null,
      sleep: sleep.sleep,
      random: () => 0,
    });
    expect(result).toBe('done');
    expect(calls()).toBe(3);
    expect(sleep.waits).toEqual([250, 500]);
  });

  it('waits what Retry-After asks instead of the backoff', async () => {
    const { attempt } = scripted([status(429, 4000)]);
    const sleep = recordingSleep();
    await withRetries(attempt, never, { maxRetries: 2, timeoutMs: null, sleep: sleep.sleep });
    expect(sleep.waits).toEqual([4000]);
  });

  it('fails at once when Retry-After is above the cap, saying how long', async () => {
    const { attempt, calls } = scripted([status(429, MAX_RETRY_AFTER_MS + 1000)]);
    const sleep = recordingSleep();
    const error = await withRetries(attempt, never, {
      maxRetries: 2,
      timeoutMs: null,
      sleep: sleep.sleep,
    }).catch((e: unknown) => e as BackendError);
    expect(calls()).toBe(1);
    expect(sleep.waits).toEqual([]);
    expect((error as BackendError).message).toBe(
      'HTTP 429 (the server asks to wait 61 s before retrying, more than the 60 s we wait; not retrying)',
    );
  });

  it('honours exactly the cap', async () => {
    const { attempt } = scripted([status(429, MAX_RETRY_AFTER_MS)]);
    const sleep = recordingSleep();
    await withRetries(attempt, never, { maxRetries: 1, timeoutMs: null, sleep: sleep.sleep });
    expect(sleep.waits).toEqual([MAX_RETRY_AFTER_MS]);
  });

  it('never retries a non-retryable failure', async () => {
    for (const code of [400, 401, 403, 404]) {
      const { attempt, calls } = scripted([status(code)]);
      const error = await withRetries(attempt, never, {
        maxRetries: 5,
        timeoutMs: null,
        sleep: recordingSleep().sleep,
      }).catch((e: unknown) => e as BackendError);
      expect(calls()).toBe(1);
      expect((error as BackendError).message).toBe(`HTTP ${code}`);
      expect((error as BackendError).status).toBe(code);
    }
  });

  it('stops after max_retries and says how many attempts it made', async () => {
    const { attempt, calls } = scripted([status(500), status(500), status(500), status(500)]);
    const error = await withRetries(attempt, never, {
      maxRetries: 2,
      timeoutMs: null,
      sleep: recordingSleep().sleep,
    }).catch((e: unknown) => e as BackendError);
    expect(calls()).toBe(3);
    expect((error as BackendError).message).toBe('HTTP 500 (gave up after 3 attempts)');
    expect((error as BackendError).status).toBe(500);
  });

  it('with max_retries 0 makes one attempt', async () => {
    const { attempt, calls } = scripted([status(503)]);
    await expect(withRetries(attempt, never, { maxRetries: 0, timeoutMs: null })).rejects.toThrow(
      'HTTP 503',
    );
    expect(calls()).toBe(1);
  });

  it('times out an attempt, aborting its signal, and retries it', async () => {
    const seen: AbortSignal[] = [];
    const hang = (signal: AbortSignal): Promise<string> => {
      seen.push(signal);
      return new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () => reject(new Error('aborted by client')));
      });
    };
    const error = await withRetries(hang, never, {
      maxRetries: 1,
      timeoutMs: 30,
      sleep: recordingSleep().sleep,
    }).catch((e: unknown) => e as BackendError);
    expect(seen).toHaveLength(2);
    expect(seen.every((s) => s.aborted)).toBe(true);
    expect((error as BackendError).message).toBe(
      'no response within 30 ms (timeout_ms) (gave up after 2 attempts)',
    );
  });

  it('does not retry a call cancelled in flight, and aborts the attempt at once', async () => {
    const controller = new AbortController();
    let attempts = 0;
    const pending = withRetries(
      (signal) => {
        attempts++;
        return new Promise<string>((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(new Error('aborted')));
        });
      },
      controller.signal,
      { maxRetries: 3, timeoutMs: null, sleep: recordingSleep().sleep },
    );
    controller.abort();
    await expect(pending).rejects.toThrow('request cancelled');
    expect(attempts).toBe(1);
  });

  it('cancels a backoff sleep at once', async () => {
    const controller = new AbortController();
    const sleep = recordingSleep({ real: true });
    const { attempt, calls } = scripted([status(503, 30_000)]);
    const pending = withRetries(attempt, controller.signal, {
      maxRetries: 2,
      timeoutMs: null,
      sleep: sleep.sleep,
    });
    await sleep.started;
    const start = Date.now();
    controller.abort();
    await expect(pending).rejects.toThrow('request cancelled');
    expect(Date.now() - start).toBeLessThan(1000);
    expect(calls()).toBe(1);
  });

  it('does not start when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const { attempt, calls } = scripted([]);
    await expect(
      withRetries(attempt, controller.signal, { maxRetries: 2, timeoutMs: null }),
    ).rejects.toThrow('request cancelled');
    expect(calls()).toBe(0);
  });

  it('wraps an unexpected error without retrying it', async () => {
    const error = await withRetries(
      async () => {
        throw new TypeError('boom');
      },
      never,
      { maxRetries: 2, timeoutMs: null },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect((error as BackendError).message).toBe('boom');
  });
});
