/** A keyword argument the backend does not support (LANGUAGE.md §6). */
export class UnsupportedArgumentError extends Error {
  constructor(
    readonly argument: string,
    readonly backend: string,
  ) {
    super(`argument \`${argument}\` is not supported by backend \`${backend}\``);
    this.name = 'UnsupportedArgumentError';
  }
}

/** A reply that is not what the builtin promised (no option of `select`, invalid JSON…). */
export class InvalidReplyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidReplyError';
  }
}

/** A reply cut off at the token limit on a backend whose `on_truncation` is `error`; never cached. */
export class TruncatedReplyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TruncatedReplyError';
  }
}
