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
  /** The model's reply text, when the check that failed had it. */
  readonly reply: string | null;
  /** What a Standard Schema's validator found wrong (`path: message`), else empty. */
  readonly issues: readonly string[];

  constructor(message: string, reply: string | null = null, issues: readonly string[] = []) {
    super(message);
    this.name = 'InvalidReplyError';
    this.reply = reply;
    this.issues = issues;
  }
}

/** A reply cut off at the token limit on a backend whose `on_truncation` is `error`; never cached. */
export class TruncatedReplyError extends Error {
  constructor(
    message: string,
    /** The backend whose `on_truncation: error` refused the reply. */
    readonly backend: string | null = null,
  ) {
    super(message);
    this.name = 'TruncatedReplyError';
  }
}
