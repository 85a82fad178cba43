/**
 * A fake-backend file as data, in the file's own spelling (ARCHITECTURE.md §4), so tests can
 * write the same object literal they would write as YAML.
 */
export interface FakeBackendSpec {
  /** Delay of every call in milliseconds. */
  latency_ms?: number;
  /** Rules tried in order; the first that matches wins. */
  replies?: FakeRule[];
  /** The reply when no rule matches; without it an unmatched prompt is an error. */
  default?: FakeReply;
  /** The model name in the backend's identity (default `fake`). */
  model?: string;
}

/**
 * One rule, with exactly one of `match` (tried on the whole prompt) and `match_last` (tried on
 * the part since the last call): a substring, or `/regex/flags`.
 */
export interface FakeRule {
  match?: string;
  /** Tried on what a call adds: see `lastTurnText` in matcher.ts. */
  match_last?: string;
  reply: FakeReply;
  /**
   * The tokens its replies report; by default they are counted with gpt-tokenizer
   * (`cl100k_base`): the prompt's (or the messages' contents') for input, the reply's for output.
   */
  usage?: FakeUsage;
}

/** Token counts a fake rule reports instead of counting them. */
export interface FakeUsage {
  input: number;
  output: number;
}

/**
 * A string; a list taken in turn (after the last, the last repeats); an error the call fails
 * with; or a text with how it ended (`finish_reason: length` plays a reply cut off at the token
 * limit).
 */
export type FakeReply = string | string[] | { error: string } | FakeFinishedReply;

/** A reply text with the finish reason a provider would report (`length`, `stop`…). */
export interface FakeFinishedReply {
  text: string;
  finish_reason: string;
}
