/** A backend's configured rate limits; null means no limit of that kind. */
export interface RateLimits {
  /** Requests per minute (config `rpm`). */
  rpm: number | null;
  /** Tokens per minute, prompt and output together (config `tpm`). */
  tpm: number | null;
}

/**
 * What a backend that sends requests tells the scheduler about one call, so rate limits are
 * kept per backend and not per call: the session hands one in with each request (`rate`).
 */
export interface RateGate {
  /** Waits until the backend may send another request; called before every attempt. */
  beforeAttempt(signal: AbortSignal): Promise<void>;
  /** The server answered 429; `retryAfterMs` is its `Retry-After`, which then holds the whole backend. */
  rateLimited(retryAfterMs: number | null): void;
  /** An attempt succeeded. */
  succeeded(): void;
  /** The tokens the provider reports the call used, to correct the estimate charged for it. */
  record(actualTokens: number): void;
}
