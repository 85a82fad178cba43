import type { Backend, CompletionRequest, GenerationArgs, Message } from '../backends/backend.js';
import { cacheKey } from '../cache/cache-key.js';
import { createCachedEntry } from '../cache/call-cache.js';
import type { JsonSchema } from '../ir/ir.js';
import type { CallInfo } from './registry/types.js';
import type { RunContext } from './run-context.js';
import { UnsupportedArgumentError } from './errors.js';

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
  /** Turns the reply into the result; a throw fails the call, and nothing is cached. */
  finish: (reply: string) => T;
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

  /** Makes (or replays) one model call. */
  async complete<T>(call: ModelCall<T>): Promise<T> {
    const { session } = this.run;
    const backend = this.backend;
    const args = fillDefaults(backend, call.args);
    const key = cacheKey({
      builtin: call.builtin,
      backend: backend.identity,
      args: args as Record<string, unknown>,
      prompt: call.prompt,
      messages: call.messages,
      sample: call.info.sample,
      ...(call.extra ? { extra: call.extra } : {}),
    });
    const start = this.elapsed();

    const joined = session.inFlight.get(key);
    if (joined) {
      const { value } = (await joined) as { value: T };
      this.traceCall(call, args, value, true, start);
      return value;
    }
    const work = this.fetch(call, args, key, start);
    session.inFlight.set(key, work);
    try {
      const { value, cached, startedAt } = await work;
      this.traceCall(call, args, value, cached, startedAt);
      return value;
    } catch (error) {
      // A failed call is in the trace too (result null, the error), unless Ctrl-C cut it short.
      if (!session.signal.aborted) this.traceCall(call, args, null, false, start, error);
      throw error;
    } finally {
      session.inFlight.delete(key);
    }
  }

  /** Replays from the cache or calls the backend; a real call's trace time starts when it gets its slot. */
  private async fetch<T>(
    call: ModelCall<T>,
    args: GenerationArgs,
    key: string,
    lookupStart: number,
  ): Promise<{ value: T; cached: boolean; startedAt: number }> {
    const { session } = this.run;
    const hit = await session.cache.get(key);
    if (hit !== undefined) return { value: hit.value as T, cached: true, startedAt: lookupStart };
    if (session.dryRun)
      return { value: dryRunPlaceholder(call) as T, cached: false, startedAt: lookupStart };

    session.signal.throwIfAborted();
    const limiter = session.limiterFor(this.backend);
    const backendSlot = limiter.tryAcquire() ?? (await limiter.acquire(session.signal));
    let globalSlot: (() => void) | undefined;
    try {
      globalSlot = session.global.tryAcquire() ?? (await session.global.acquire(session.signal));
      const startedAt = this.elapsed();
      const request = this.adapt(call, args);
      // Rate limits and 429 backoff apply per backend, attempt by attempt (backend-limiter.ts).
      request.rate = limiter.gate(request);
      const reply = await this.backend.complete(request);
      const value = call.finish(reply);
      await session.cache.set(key, createCachedEntry(call.builtin, value));
      return { value, cached: false, startedAt };
    } finally {
      globalSlot?.();
      backendSlot();
    }
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
    result: T,
    cached: boolean,
    start: number,
    error?: unknown,
  ): void {
    this.run.trace?.({
      builtin: call.info.traceAs ?? call.traceBuiltin ?? call.builtin,
      prompt: call.prompt,
      messages: call.messages,
      args: args as Record<string, unknown>,
      result,
      cached,
      sample: call.info.sample,
      backend: this.backend.name,
      start_ms: start,
      end_ms: this.elapsed(),
      location: call.info.location,
      ...(error === undefined
        ? {}
        : { error: error instanceof Error ? error.message : String(error) }),
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
