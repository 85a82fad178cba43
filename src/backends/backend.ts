import type { JsonSchema } from '../ir/ir.js';
import type { RateGate, RateLimits } from './rate-gate.js';

/** One chat message; roles are the language's (`model` is normalised to `assistant`). */
export interface Message {
  role: 'system' | 'user' | 'assistant';
  content: string;
  /** Images sent after the text (user messages); only to backends with `capabilities.images`. */
  images?: readonly ImageData[];
}

/**
 * An image as a backend receives it: inline bytes (base64) with their sha256, or a URL the
 * provider fetches. Cache keys hold the digest (or the URL), never the bytes.
 */
export type ImageData =
  | { kind: 'bytes'; mediaType: string; base64: string; sha256: string }
  | { kind: 'url'; url: string; mediaType: string };

/**
 * What identifies a backend in cache keys: everything that can make it answer differently,
 * never an API key. Two backends with equal identities share cache entries and single flight.
 */
export interface BackendIdentity {
  provider: string;
  model: string;
  baseUrl: string | null;
  /**
   * The rest of what changes replies, when there is any: a fake backend's digest of its rules
   * and default, a provider's settings that change requests (`structured_outputs`). Absent
   * keys stay as they were, so real backends' existing cache entries remain valid.
   */
  variant?: string;
}

/** Sampling arguments in the language's spelling; absent means the backend's default. */
export interface GenerationArgs {
  temperature?: number;
  max_tokens?: number;
  stop?: string[];
  top_p?: number;
  top_k?: number;
  seed?: number;
}

/** What a backend can do, so the runtime adapts instead of failing (issue 4). */
export interface BackendCapabilities {
  /** Raw text completion; when false, a text prompt is sent as one user message. */
  textCompletion: boolean;
  /** Chat messages. */
  chat: boolean;
  /** Keyword arguments of GenerationArgs it accepts; any other is an error naming it. */
  supportedArgs: readonly (keyof GenerationArgs)[];
  /** Native JSON-schema output (the result is still validated locally). */
  jsonSchema: boolean;
  /** Native choice constraint for `select`. */
  choiceConstraint: boolean;
  /** Takes images in user messages; absent means no (a call with images is OT4040). */
  images?: boolean;
}

/** One request to a backend. Exactly one of `prompt` and `messages` is set. */
export interface CompletionRequest {
  prompt: string | null;
  messages: Message[] | null;
  args: GenerationArgs;
  /** Asks for JSON matching this schema (only when `capabilities.jsonSchema`). */
  responseSchema: JsonSchema | null;
  /** Asks for one of these strings (only when `capabilities.choiceConstraint`). */
  choices: string[] | null;
  /**
   * The part of the prompt rendered since the previous call's reply, when the prompt is a
   * template's prefix; null otherwise. Only fake backends read it (`match_last`).
   */
  lastTurn?: string | null;
  /** Which builtin asked; fake backends and traces use it, providers may ignore it. */
  builtin: string;
  signal: AbortSignal;
  /**
   * Asks for a streamed reply: each piece of text as it arrives (the reply is still returned
   * whole). Backends that cannot stream ignore it.
   */
  onDelta?: (text: string) => void;
  /** Per-backend rate limiting and 429 feedback; a backend that sends requests uses it. */
  rate?: RateGate;
}

/**
 * How a reply ended, in the AI SDK's words (`stop`, `length`, `content-filter`…). Only
 * `length` matters to the runtime: the token limit cut the reply off.
 */
export type FinishReason = string;

/** Tokens a provider reports for one request (the fake backend counts them with gpt-tokenizer). */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/**
 * A reply together with how it ended and, when the backend reports it, the tokens it took; a
 * backend returns plain text when it ended normally and reports no usage.
 */
export interface ReplyWithFinish {
  text: string;
  finishReason: FinishReason;
  usage?: TokenUsage;
}

/** What `Backend.complete` gives: the reply text, or the text with its finish reason and usage. */
export type BackendReply = string | ReplyWithFinish;

/** A backend's price in USD per million tokens (config `price: {input, output}`). */
export interface TokenPrice {
  input: number;
  output: number;
}

/** What a reply cut off at the token limit is: a warning (the default) or an error, not cached. */
export type TruncationPolicy = 'warn' | 'error';

/** A model endpoint: the fake backend or a provider. */
export interface Backend {
  /** The name it has in the config (or `fake:PATH`). */
  readonly name: string;
  readonly identity: BackendIdentity;
  readonly capabilities: BackendCapabilities;
  /** Most calls in flight at once on this backend. */
  readonly concurrency: number;
  /** Requests and tokens per minute (config `rpm`, `tpm`); absent means no limit. */
  readonly rateLimits?: RateLimits;
  /** Default keyword arguments from the config, below front matter `defaults`. */
  readonly defaults: GenerationArgs;
  /** What a reply cut off at the token limit is (config `on_truncation`); default `warn`. */
  readonly onTruncation?: TruncationPolicy;
  /** What its tokens cost (config `price`); absent: calls have usage but no cost. */
  readonly price?: TokenPrice;
  /**
   * True when the reply depends on `CompletionRequest.lastTurn` as well as on the prompt (a fake
   * backend with `match_last` rules): the cache key then includes the last turn, so two calls
   * with one prompt split differently never share an entry.
   */
  readonly readsLastTurn?: boolean;
  /** Returns the model's reply (text, or text and finish reason); rejects with a BackendError. Honors `signal`. */
  complete(request: CompletionRequest): Promise<BackendReply>;
}
