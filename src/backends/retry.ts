import { abortableSleep, type Sleep } from './abortable-sleep.js';
import { BackendError } from './backend-error.js';
import { onAbort } from './on-abort.js';
import type { RateGate } from './rate-gate.js';

/**
 * The one retry policy of every provider backend. Client libraries never retry on their own
 * (we call the provider models directly), so retries never stack.
 */
export interface RetryOptions {
  /** Retries after the first attempt (config `max_retries`, default 2). */
  maxRetries: number;
  /** Limit of one attempt in milliseconds (config `timeout_ms`); null for none. */
  timeoutMs: number | null;
  /** Injectable so tests do not wait for real backoff. */
  sleep?: Sleep;
  /** Injectable jitter source in [0, 1). */
  random?: () => number;
}

/** Default retries after the first attempt. */
export const DEFAULT_MAX_RETRIES = 2;

/** Default limit of one attempt: ten minutes, as the providers' own SDKs use. */
export const DEFAULT_TIMEOUT_MS = 600_000;

/** Longest `Retry-After` we honour; a server asking for more fails the call at once. */
export const MAX_RETRY_AFTER_MS = 60_000;

const BASE_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;

/** Statuses worth another attempt: timeouts, conflicts, rate limits and server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * How long the server asks us to wait: `retry-after-ms` (OpenAI) first, then `Retry-After` as
 * seconds or an HTTP date. Header names must be lower case, as fetch gives them.
 */
export function parseRetryAfter(
  headers: Readonly<Record<string, string>>,
  now: number = Date.now(),
): number | null {
  const ms = headers['retry-after-ms'];
  if (ms !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(ms)) return Math.ceil(Number(ms));
  const value = headers['retry-after'];
  if (value === undefined) return null;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Full-range exponential backoff with jitter: between half and all of 500 ms × 2^attempt. */
export function backoffDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Runs `attempt` until it succeeds, fails for good, or `signal` aborts. Each attempt gets its own
 * signal, aborted by `signal` or by the per-attempt timeout. Failures must be BackendErrors whose
 * `retryable` and `retryAfterMs` say whether and when to try again. With a `gate`, every attempt
 * waits for the backend's rate limits first (outside the attempt's timeout), and 429s and
 * successes are reported to it, so the whole backend backs off. When `mayRetry` says no (a
 * streamed reply already showed text), a failure is final whatever it is.
 */
export async function withRetries<T>(
  attempt: (signal: AbortSignal) => Promise<T>,
  signal: AbortSignal,
  options: RetryOptions,
  gate?: RateGate,
  mayRetry: () => boolean = () => true,
): Promise<T> {
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  for (let attemptIndex = 0; ; attemptIndex++) {
    if (signal.aborted) throw cancelled(signal);
    if (gate) {
      try {
        await gate.beforeAttempt(signal);
      } catch {
        throw cancelled(signal);
      }
    }
    let failure: BackendError;
    try {
      const result = await runAttempt(attempt, signal, options.timeoutMs);
      gate?.succeeded();
      return result;
    } catch (error) {
      if (signal.aborted) throw cancelled(signal);
      failure =
        error instanceof BackendError
          ? error
          : new BackendError(error instanceof Error ? error.message : String(error), {
              cause: error,
            });
    }
    if (failure.status === 429) gate?.rateLimited(failure.retryAfterMs);
    const attempts = attemptIndex + 1;
    if (failure.retryable && !mayRetry()) {
      throw withNote(failure, 'part of the reply was already shown; not retrying');
    }
    if (!failure.retryable || attemptIndex >= options.maxRetries) {
      throw attempts > 1 ? withNote(failure, `gave up after ${attempts} attempts`) : failure;
    }
    const retryAfter = failure.retryAfterMs;
    if (retryAfter !== null && retryAfter > MAX_RETRY_AFTER_MS) {
      throw withNote(
        failure,
        `the server asks to wait ${Math.ceil(retryAfter / 1000)} s before retrying, ` +
          `more than the ${MAX_RETRY_AFTER_MS / 1000} s we wait; not retrying`,
      );
    }
    try {
      await sleep(retryAfter ?? backoffDelayMs(attemptIndex, random), signal);
    } catch {
      throw cancelled(signal);
    }
  }
}

async function runAttempt<T>(
  attempt: (signal: AbortSignal) => Promise<T>,
  signal: AbortSignal,
  timeoutMs: number | null,
): Promise<T> {
  const controller = new AbortController();
  const stopListening = onAbort(signal, () => controller.abort(signal.reason));
  let timedOut = false;
  const timer =
    timeoutMs === null
      ? null
      : setTimeout(() => {
          timedOut = true;
          controller.abort(new Error(`no response within ${timeoutMs} ms`));
        }, timeoutMs);
  try {
    return await attempt(controller.signal);
  } catch (error) {
    // Whatever the client library made of the abort, a fired timer means a timeout.
    if (timedOut) {
      throw new BackendError(`no response within ${timeoutMs} ms (timeout_ms)`, {
        retryable: true,
        cause: error,
      });
    }
    throw error;
  } finally {
    if (timer !== null) clearTimeout(timer);
    stopListening();
  }
}

function cancelled(signal: AbortSignal): BackendError {
  return new BackendError('request cancelled', { cause: signal.reason });
}

function withNote(error: BackendError, note: string): BackendError {
  return new BackendError(`${error.message} (${note})`, {
    status: error.status,
    requestId: error.requestId,
    retryable: false,
    retryAfterMs: error.retryAfterMs,
    cause: error,
  });
}
