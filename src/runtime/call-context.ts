import type {
  Backend,
  BackendReply,
  CompletionRequest,
  GenerationArgs,
  Message,
  TokenUsage,
} from '../backends/backend.js';
import { cacheKey } from '../cache/cache-key.js';
import type { CachedEntry } from '../cache/call-cache.js';
import { createCachedEntry } from '../cache/call-cache.js';
import type { JsonSchema } from '../ir/ir.js';
import type { CallStreamSink } from './call-stream.js';
import type { CallInfo } from './registry/types.js';
import { expectedResult, resultProblems, type ExpectedResult } from './result-check.js';
import type { RunContext } from './run-context.js';
import { InvalidReplyError, TruncatedReplyError, UnsupportedArgumentError } from './errors.js';
import { fetchShared } from './shared-flight.js';
import { isTokenUsage } from './usage/call-cost.js';
import { traceUsageFields } from './usage/trace-usage.js';
import { traceMessages } from './trace.js';

/** The finish reason of a reply cut off at the token limit. */
const TRUNCATED = 'length';

/** One model request as a builtin implementation describes it. */
export interface ModelCall<T> {
  /** The builtin whose cache entries this is (`generate_texts` samples are `generate_text` calls). */
  builtin: string;
  /** The builtin named in the trace; defaults to `builtin`. */
  traceBuiltin?: string;
  prompt: string | null;
  messages: Message[] | null;
  args: GenerationArgs;
  responseSchema?: JsonSchema | null;
  choices?: string[] | null;
  /** More of what shapes the result (schema, options), for the cache key. */
  extra?: Record<string, unknown>;
  info: CallInfo;
  /**
   * Turns the reply into the result; a throw fails the call, and nothing is cached. The result
   * is then checked against what the builtin promises (result-check.ts), as replays are.
   */
  finish: (reply: string) => T;
}

/** What one lookup or backend call gave, for the trace. */
interface Fetched<T> {
  value: T;
  cached: boolean;
  startedAt: number;
  /** `length` when the reply was cut off at the token limit. */
  finishReason?: string;
  /** Notes for the trace line's `warning`. */
  warnings: string[];
  /** The tokens the backend reported (for a replay, when the call was made). */
  usage?: TokenUsage;
  /** A fresh result's cache write, going on after the call gave its slot back. */
  written?: Promise<void>;
}

/**
 * What a builtin implementation gets: the backend it runs on and `complete`, the one path by
 * which any model call is made — defaults filled in, cache looked up, identical calls in flight
 * joined, concurrency capped, the result cached the moment it is known, the trace written.
 */
export class CallContext {
  private resolved: Backend | null = null;

  constructor(
    readonly run: RunContext,
    private readonly resolveBackend: () => Backend,
  ) {}

  /** The backend this call runs on, resolved on first use (a configured function may need none). */
  get backend(): Backend {
    this.resolved ??= this.resolveBackend();
    return this.resolved;
  }

  /** The backend if one was resolved, for error messages. */
  get backendIfResolved(): Backend | null {
    return this.resolved;
  }

  /** Makes (or replays) one model call; with a stream sink, tells it the call's start, text and end. */
  async complete<T>(call: ModelCall<T>): Promise<T> {
    const sink = this.run.stream;
    if (!sink) return this.completeOnce(call, null);
    const backend = this.backend;
    const live: LiveCall = { id: this.run.session.nextCallId(), sink, ended: false };
    sink({
      type: 'start',
      id: live.id,
      builtin: call.info.traceAs ?? call.traceBuiltin ?? call.builtin,
      location: call.info.location ?? '',
      backend: backend.name,
      order: (call.info.order ?? this.run.session.order.root).take(),
    });
    try {
      return await this.completeOnce(call, live);
    } catch (error) {
      // Failures the trace does not see (Ctrl-C, a bad argument) still end the call's stream.
      if (!live.ended) {
        live.ended = true;
        sink({ type: 'error', id: live.id, message: errorMessage(error) });
      }
      throw error;
    }
  }

  private async completeOnce<T>(call: ModelCall<T>, live: LiveCall | null): Promise<T> {
    const { session } = this.run;
    const backend = this.backend;
    const args = fillDefaults(backend, call.args);
    const extra = keyExtra(backend, call);
    const key = cacheKey({
      builtin: call.builtin,
      backend: backend.identity,
      args: args as Record<string, unknown>,
      prompt: call.prompt,
      messages: call.messages,
      sample: call.info.sample,
      ...(extra ? { extra } : {}),
    });
    const expected = expectedResult(call);
    const start = this.elapsed();

    const joined = session.inFlight.get(key);
    if (joined) {
      const shared = await joined;
      // The leader checked its value against the same key's expectation; an API user's own
      // builtin reusing a key with another shape is the only way this fails, and then the
      // call is made on its own.
      if (resultProblems(shared.value, expected).length === 0) {
        const fetched: Fetched<T> = {
          value: shared.value as T,
          cached: true,
          startedAt: start,
          ...(shared.finishReason ? { finishReason: shared.finishReason } : {}),
          ...(shared.usage ? { usage: shared.usage } : {}),
          warnings: shared.finishReason === TRUNCATED ? [truncationNote()] : [],
        };
        this.traceCall(call, args, fetched, live);
        return fetched.value;
      }
      const own = await this.fetch(call, args, key, expected, start, live);
      this.traceCall(call, args, own, live);
      return own.value;
    }
    // Cross-process single flight (shared-flight.ts) wraps the local fetch, unchanged; without a
    // lock the fetch is called directly, so local runs take not one promise tick more.
    const fetchLocal = () => this.fetch(call, args, key, expected, start, live);
    const work =
      session.dryRun || !session.cache.lock
        ? fetchLocal()
        : fetchShared(session.cache, key, session.signal, fetchLocal, (entry): Fetched<T> | null =>
            this.replayProblem(entry, expected) === null
              ? {
                  value: entry.value as T,
                  cached: true,
                  startedAt: start,
                  ...(entry.finishReason ? { finishReason: entry.finishReason } : {}),
                  // Its tokens, as another process reported them, count as a local replay's do.
                  ...replayedUsage(entry),
                  warnings: entry.finishReason === TRUNCATED ? [truncationNote()] : [],
                }
              : null,
          );
    session.inFlight.set(key, work);
    try {
      const fetched = await work;
      // Identical calls keep joining this one until its result is in the cache.
      const leave = () => {
        if (session.inFlight.get(key) === work) session.inFlight.delete(key);
      };
      if (fetched.written) void fetched.written.then(leave);
      else leave();
      this.traceCall(call, args, fetched, live);
      return fetched.value;
    } catch (error) {
      if (session.inFlight.get(key) === work) session.inFlight.delete(key);
      // A failed call is in the trace too (result null, the error), unless Ctrl-C cut it short.
      if (!session.signal.aborted) {
        // A reply that failed its checks was still paid for.
        const usage = spentOn.get(error as object);
        this.traceCall(
          call,
          args,
          {
            value: null,
            cached: false,
            startedAt: start,
            warnings: [],
            ...(usage ? { usage } : {}),
          },
          live,
          error,
        );
      }
      throw error;
    }
  }

  /**
   * Replays from the cache or calls the backend; a real call's trace time starts when it gets
   * its slot. A call that had to wait for its slot looks in a shared cache again (another
   * process may have made it meanwhile). The slot is given back once the reply is known; the
   * cache write goes on in the background (`written`; the session waits for it before the end).
   */
  private async fetch<T>(
    call: ModelCall<T>,
    args: GenerationArgs,
    key: string,
    expected: ExpectedResult,
    lookupStart: number,
    live: LiveCall | null,
  ): Promise<Fetched<T>> {
    const { session } = this.run;
    const warnings: string[] = [];
    const hit = await session.cache.get(key);
    if (hit !== undefined) {
      const problem = this.replayProblem(hit, expected);
      if (problem === null) {
        const truncated = hit.finishReason === TRUNCATED;
        if (truncated) this.warnTruncated(call, key);
        return {
          value: hit.value as T,
          cached: true,
          startedAt: lookupStart,
          ...(truncated ? { finishReason: TRUNCATED } : {}),
          ...replayedUsage(hit),
          warnings: truncated ? [truncationNote()] : [],
        };
      }
      // A bad entry (tampered, or written by an older or buggy writer) is never used: the call
      // is made afresh, and its reply overwrites the entry.
      this.warnOnce(
        `${session.cache.description}: the cached ${describeCall(call)} ${problem}; treated as a miss (key ${key}), the fresh reply replaces it`,
      );
      warnings.push(`cached value rejected: it ${problem}`);
    }
    if (session.dryRun) {
      return {
        value: dryRunPlaceholder(call) as T,
        cached: false,
        startedAt: lookupStart,
        warnings,
      };
    }

    session.signal.throwIfAborted();
    const limiter = session.limiterFor(this.backend);
    let waited = false;
    let backendSlot = limiter.tryAcquire();
    if (!backendSlot) {
      waited = true;
      backendSlot = await limiter.acquire(session.signal);
    }
    let globalSlot: (() => void) | null = null;
    let value: T;
    let startedAt: number;
    let truncated = false;
    let usage: TokenUsage | undefined;
    try {
      globalSlot = session.global.tryAcquire();
      if (!globalSlot) {
        waited = true;
        globalSlot = await session.global.acquire(session.signal);
      }
      // Another process sharing the cache may have made this call while this one waited.
      if (waited && session.cache.shared) {
        const late = await session.cache.get(key);
        if (late !== undefined && this.replayProblem(late, expected) === null) {
          const truncated = late.finishReason === TRUNCATED;
          return {
            value: late.value as T,
            cached: true,
            startedAt: lookupStart,
            ...(truncated ? { finishReason: TRUNCATED } : {}),
            ...replayedUsage(late),
            warnings: truncated ? [truncationNote()] : [],
          };
        }
      }
      startedAt = this.elapsed();
      const request = this.adapt(call, args);
      if (live) {
        const { id, sink } = live;
        request.onDelta = (text) => sink({ type: 'delta', id, text });
      }
      // Rate limits and 429 backoff apply per backend, attempt by attempt (backend-limiter.ts).
      request.rate = limiter.gate(request);
      const reply = splitReply(await this.backend.complete(request));
      usage = reply.usage;
      truncated = reply.finishReason === TRUNCATED;
      if (truncated && this.backend.onTruncation === 'error') {
        throw new TruncatedReplyError(
          `the reply was cut off at the token limit (finish_reason: length), and backend \`${this.backend.name}\` has on_truncation: error; raise max_tokens`,
          this.backend.name,
        );
      }
      value = this.accept(call, reply.text, expected, truncated);
    } catch (error) {
      if (usage && typeof error === 'object' && error !== null) spentOn.set(error, usage);
      throw error;
    } finally {
      globalSlot?.();
      backendSlot();
    }
    const entry: CachedEntry = createCachedEntry(call.builtin, value);
    if (usage) entry.usage = usage;
    if (truncated) {
      entry.finishReason = TRUNCATED;
      this.warnTruncated(call, key);
      warnings.push(truncationNote());
    }
    const written = session.write(key, entry);
    return {
      value,
      cached: false,
      startedAt,
      ...(truncated ? { finishReason: TRUNCATED } : {}),
      ...(usage ? { usage } : {}),
      warnings,
      written,
    };
  }

  /** The builtin's result of a fresh reply, checked as a replay would be; a throw fails the call. */
  private accept<T>(
    call: ModelCall<T>,
    text: string,
    expected: ExpectedResult,
    truncated: boolean,
  ): T {
    const hint = truncated ? ' (the reply was cut off at the token limit)' : '';
    let value: T;
    try {
      value = call.finish(text);
    } catch (error) {
      if (hint !== '' && error instanceof InvalidReplyError) {
        throw new InvalidReplyError(`${error.message}${hint}`, text);
      }
      throw error;
    }
    const problems = resultProblems(value, expected);
    if (problems.length > 0)
      throw new InvalidReplyError(`the reply ${problems.join('; ')}${hint}`, text);
    return value;
  }

  /** Why a cache entry may not be replayed, or null when it may. */
  private replayProblem(hit: CachedEntry, expected: ExpectedResult): string | null {
    const problems = resultProblems(hit.value, expected);
    if (problems.length > 0) return problems.join('; ');
    if (hit.finishReason === TRUNCATED && this.backend.onTruncation === 'error') {
      return `was cut off at the token limit, and backend \`${this.backend.name}\` has on_truncation: error`;
    }
    return null;
  }

  private warnTruncated(call: ModelCall<unknown>, key: string): void {
    this.warnOnce(
      `${describeCall(call)} on backend \`${this.backend.name}\`: the reply was cut off at the token limit (finish_reason: length; key ${key}); raise max_tokens, or set on_truncation: error to fail such calls`,
    );
  }

  private warnOnce(message: string): void {
    this.run.session.warnOnce(message, this.run.warn);
  }

  /** Shapes the request to what the backend can do (a text prompt to a chat-only model…). */
  private adapt(call: ModelCall<unknown>, args: GenerationArgs): CompletionRequest {
    const { capabilities } = this.backend;
    let prompt = call.prompt;
    let messages = call.messages;
    if (prompt !== null && !capabilities.textCompletion) {
      messages = [{ role: 'user', content: prompt }];
      prompt = null;
    }
    return {
      prompt,
      messages,
      args,
      // Passed whatever the capabilities: a provider without native support may still ask for
      // JSON or for one of the choices in words; the builtin checks the reply either way.
      responseSchema: call.responseSchema ?? null,
      choices: call.choices ?? null,
      lastTurn: call.info.lastTurn ?? null,
      builtin: call.info.traceAs ?? call.traceBuiltin ?? call.builtin,
      signal: this.run.session.signal,
    };
  }

  private traceCall<T>(
    call: ModelCall<T>,
    args: GenerationArgs,
    fetched: Fetched<T | null>,
    live: LiveCall | null,
    error?: unknown,
  ): void {
    if (live && !live.ended) {
      live.ended = true;
      live.sink(
        error === undefined
          ? {
              type: 'end',
              id: live.id,
              result: fetched.value,
              cached: fetched.cached,
              ...(fetched.usage ? { usage: fetched.usage } : {}),
            }
          : { type: 'error', id: live.id, message: errorMessage(error) },
      );
    }
    this.run.trace?.({
      builtin: call.info.traceAs ?? call.traceBuiltin ?? call.builtin,
      prompt: call.prompt,
      messages: traceMessages(call.messages),
      args: args as Record<string, unknown>,
      result: fetched.value,
      cached: fetched.cached,
      sample: call.info.sample,
      backend: this.backend.name,
      start_ms: fetched.startedAt,
      end_ms: this.elapsed(),
      location: call.info.location,
      ...(fetched.finishReason ? { finish_reason: fetched.finishReason } : {}),
      ...(fetched.warnings.length > 0 ? { warning: fetched.warnings.join('; ') } : {}),
      ...traceUsageFields(fetched.usage, fetched.cached, this.backend.price),
      ...(error === undefined ? {} : { error: errorMessage(error) }),
    });
  }

  private elapsed(): number {
    return Math.round((performance.now() - this.run.startedAt) * 1000) / 1000;
  }
}

/**
 * The backend's configured defaults under the call's own arguments; `null`/`undefined` mean
 * "the default" (LANGUAGE.md §6). An argument the backend does not support is an error.
 */
function fillDefaults(backend: Backend, args: GenerationArgs): GenerationArgs {
  const filled: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(backend.defaults))
    if (value != null) filled[name] = value;
  for (const [name, value] of Object.entries(args)) if (value != null) filled[name] = value;
  for (const name of Object.keys(filled)) {
    if (!(backend.capabilities.supportedArgs as readonly string[]).includes(name)) {
      throw new UnsupportedArgumentError(name, backend.name);
    }
  }
  return filled as GenerationArgs;
}

/** What a call that would reach the backend returns in a dry run, so later prompts can show it. */
function dryRunPlaceholder(call: ModelCall<unknown>): string {
  return `<${call.info.traceAs ?? call.traceBuiltin ?? call.builtin} ${call.info.location || 'call'}>`;
}

/** The text of a backend's reply and, when it said, how it ended and the tokens it took. */
function splitReply(reply: BackendReply): {
  text: string;
  finishReason: string | null;
  usage?: TokenUsage;
} {
  return typeof reply === 'string'
    ? { text: reply, finishReason: null }
    : {
        text: reply.text,
        finishReason: reply.finishReason,
        ...(reply.usage ? { usage: reply.usage } : {}),
      };
}

/** The usage a cache entry recorded, when it holds a well-formed one. */
function replayedUsage(entry: CachedEntry): { usage?: TokenUsage } {
  return isTokenUsage(entry.usage) ? { usage: entry.usage } : {};
}

/** A call whose start went to a stream sink, until its end or error is sent. */
interface LiveCall {
  id: number;
  sink: CallStreamSink;
  ended: boolean;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The tokens a call's failure was paid with (a reply that failed its checks), for its trace line. */
const spentOn = new WeakMap<object, TokenUsage>();

/** The trace's note on a cut-off reply. */
function truncationNote(): string {
  return 'the reply was cut off at the token limit';
}

/** `generate_text at flow.ot:3:5` (or just the builtin for calls made from TypeScript). */
function describeCall(call: ModelCall<unknown>): string {
  const builtin = call.info.traceAs ?? call.traceBuiltin ?? call.builtin;
  return call.info.location ? `${builtin} at ${call.info.location}` : builtin;
}

/**
 * What else the key holds besides prompt and arguments: the builtin's own extras, plus the last
 * turn for a backend whose reply depends on it (else two flows that send one prompt, split
 * differently, would replay each other's replies).
 */
function keyExtra(backend: Backend, call: ModelCall<unknown>): Record<string, unknown> | undefined {
  const lastTurn = call.info.lastTurn;
  if (!backend.readsLastTurn || lastTurn === undefined) return call.extra;
  return { ...call.extra, lastTurn };
}
