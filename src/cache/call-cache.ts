import type { Keyv } from 'keyv';
import type { TokenUsage } from '../backends/backend.js';

/** One cached call result, as the runtime stores and replays it. */
export interface CachedEntry {
  /** The builtin's raw result (a string, a list of strings, a JSON value…). */
  value: unknown;
  /** When the call finished, ISO 8601. */
  createdAt: string;
  /** The builtin that produced it, for people reading a cache. */
  builtin: string;
  /** Set (to `length`) when the reply was cut off at the token limit, so replays say so too. */
  finishReason?: string;
  /**
   * The tokens the backend reported for the call, so a replay can say what the call cost and
   * what the cache saved; absent in entries written before usage was recorded.
   */
  usage?: TokenUsage;
  /** HMAC-SHA256 over key and value, written when `OT_CACHE_HMAC_KEY` is set (see cache-hmac.ts). */
  hmac?: string;
}

/** Builds the entry of a call that just succeeded. */
export function createCachedEntry(builtin: string, value: unknown, now = new Date()): CachedEntry {
  return { value, createdAt: now.toISOString(), builtin };
}

/**
 * What the runtime uses for every model call. `get` and `set` never reject: a failing store
 * is a warning and a miss (or a skipped write), because a cache must never fail a run.
 */
export interface CallCache {
  /** The entry under `key`, or undefined on a miss or any store failure. */
  get(key: string): Promise<CachedEntry | undefined>;
  /** Stores an entry; resolves once it is stored (or the failure was reported). */
  set(key: string, entry: CachedEntry): Promise<void>;
  /** Waits for operations in progress, then releases the store (connections, handles). */
  close(): Promise<void>;
  /** Where the entries live, e.g. `disk cache at /work/.ot-cache`; for messages and traces. */
  readonly description: string;
  /**
   * Whether other processes write to it too (disk, redis): a call that waited for a slot looks
   * again before calling the backend, since another process may have made it meanwhile.
   */
  readonly shared?: boolean;

  /**
   * Single flight across processes (a shared cache only): claims the call of `key`, or waits
   * for the process that has claimed it and returns its entry. Never rejects: a store failure
   * is `unavailable` (the caller makes the call itself). Absent: single flight is per process.
   */
  lock?(key: string, signal: AbortSignal): Promise<CacheClaim>;
}

/**
 * What `CallCache.lock` gives: the claim of a call (make it, store it, then `release`), the
 * entry another process stored while this one waited, or no lock to be had.
 */
export type CacheClaim =
  | { kind: 'held'; release: () => Promise<void> }
  | { kind: 'entry'; entry: CachedEntry }
  | { kind: 'unavailable' };

/** Receives each distinct cache warning once. */
export type CacheWarningHandler = (message: string) => void;

/** Options of `cacheFromKeyv`. */
export interface KeyvCacheOptions {
  /** Receives warnings; by default they become Node process warnings. */
  onWarning?: CacheWarningHandler;
  /** Names the store in warnings; default `keyv cache`. */
  description?: string;
  /** Releases the store on close; by default `keyv.disconnect()`. */
  release?: () => Promise<void>;
  /** Whether other processes may write to the store (see `CallCache.shared`); default true. */
  shared?: boolean;
}

/**
 * A CallCache over any keyv instance, so API users can plug in any keyv store. Store errors
 * arrive two ways (keyv's `error` event, and rejections when `throwOnErrors` is set); both
 * become warnings, the same error object only once. Note that keyv without `throwOnErrors`
 * swallows read errors silently: such a read is a plain miss.
 */
export function cacheFromKeyv(keyv: Keyv, options: KeyvCacheOptions = {}): CallCache {
  const description = options.description ?? 'keyv cache';
  const warn = distinctWarnings(options.onWarning ?? processWarning);
  const reported = new WeakSet<object>();
  let closing: Promise<void> | undefined;
  // A counter, not a set of promises: replay makes thousands of lookups at once, and close
  // only needs to know when the last one has settled.
  let active = 0;
  let whenIdle: (() => void) | undefined;
  const settle = (): void => {
    active -= 1;
    if (active === 0) whenIdle?.();
  };

  const report = (error: unknown, consequence: string): void => {
    if (typeof error === 'object' && error !== null) {
      if (reported.has(error)) return;
      reported.add(error);
    }
    warn(`${description}: ${errorMessage(error)}${consequence}`);
  };
  const onError = (error: unknown): void => report(error, '');
  keyv.on('error', onError);

  return {
    description,
    shared: options.shared ?? true,
    async get(key) {
      if (closing) return undefined;
      active += 1;
      try {
        const stored: unknown = await keyv.get(key);
        if (stored === undefined) return undefined;
        if (isCachedEntry(stored)) return stored;
        warn(`${description}: the entry ${key} is not a call result; treated as a miss`);
        return undefined;
      } catch (error) {
        report(error, `; reading ${key} failed, treated as a miss`);
        return undefined;
      } finally {
        settle();
      }
    },
    async set(key, entry) {
      if (closing) return;
      active += 1;
      try {
        await keyv.set(key, entry);
      } catch (error) {
        report(error, `; writing ${key} failed, the result is not cached`);
      } finally {
        settle();
      }
    },
    close() {
      closing ??= (async () => {
        if (active > 0) await new Promise<void>((resolve) => (whenIdle = resolve));
        try {
          await (options.release ?? (async () => keyv.disconnect()))();
        } catch (error) {
          report(error, '; closing the cache failed');
        }
        keyv.off('error', onError);
      })();
      return closing;
    },
  };
}

/** The cache of `--cache off`: every lookup misses, nothing is stored. */
export function createOffCache(description = 'no cache (off)'): CallCache {
  return {
    description,
    get: async () => undefined,
    set: async () => undefined,
    close: async () => undefined,
  };
}

/** Wraps a warning handler so that each distinct message reaches it once. */
export function distinctWarnings(onWarning: CacheWarningHandler): CacheWarningHandler {
  // A dead redis server reports every reconnect attempt and every refused command with the
  // same words; one line says it all.
  const seen = new Set<string>();
  return (message) => {
    if (seen.has(message)) return;
    seen.add(message);
    onWarning(message);
  };
}

function processWarning(message: string): void {
  process.emitWarning(message, 'OtCacheWarning');
}

function isCachedEntry(value: unknown): value is CachedEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    'value' in entry &&
    typeof entry['createdAt'] === 'string' &&
    typeof entry['builtin'] === 'string'
  );
}

function errorMessage(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    // Node reports a refused connection to a name with several addresses this way.
    return error.errors.map(errorMessage).join('; ');
  }
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
