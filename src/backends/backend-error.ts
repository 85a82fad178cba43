/** Why a backend call failed, with what a user needs to act on it. */
export class BackendError extends Error {
  readonly status: number | null;
  readonly requestId: string | null;
  readonly retryable: boolean;
  /** How long the server asked us to wait before retrying (`Retry-After`), if it said. */
  readonly retryAfterMs: number | null;

  constructor(
    message: string,
    options: {
      status?: number | null;
      requestId?: string | null;
      retryable?: boolean;
      retryAfterMs?: number | null;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'BackendError';
    this.status = options.status ?? null;
    this.requestId = options.requestId ?? null;
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}
