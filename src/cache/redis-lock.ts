import { randomUUID } from 'node:crypto';
import type { CacheClaim, CachedEntry } from './call-cache.js';
import type { RedisClient } from './redis-cache.js';

/** Default life of a call's lock; the holder renews it every third of it while the call runs. */
export const DEFAULT_LOCK_TTL_MS = 10_000;

/** Where holders announce that a call finished (the message is the cache key). */
const DONE_CHANNEL = 'ot:call-done';

/** Extends a lock only while it is still ours (a lock that expired may belong to another). */
const RENEW_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
/** Deletes a lock only while it is still ours. */
const RELEASE_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** The lock capability of a redis cache, and how to stop it. */
export interface RedisLocks {
  lock(key: string, signal: AbortSignal): Promise<CacheClaim>;
  close(): void;
}

/**
 * Single flight across processes on one redis server. The first process to `SET NX PX` a
 * call's lock makes the call; the lock carries a random token, is renewed while the call runs
 * and is deleted (if still ours) when it ends, and the end is published on a channel. A waiter
 * subscribes first, then looks for the entry, then waits for the announcement — or, at most,
 * until the lock's remaining life is over, so a holder killed with `kill -9` delays the call by
 * one lock life (`ttlMs`) and never blocks it. There is no polling: each wait ends on the
 * announcement or on the lock's expiry. Returns null when the subscriber connection cannot be
 * opened (the cache then has no lock: single flight stays per process).
 */
export async function createRedisLocks(
  client: RedisClient,
  get: (key: string) => Promise<CachedEntry | undefined>,
  ttlMs: number,
): Promise<RedisLocks | null> {
  const waiters = new Map<string, Set<() => void>>();
  const renewals = new Set<NodeJS.Timeout>();
  const subscriber = client.duplicate();
  subscriber.on('error', () => undefined);
  try {
    await subscriber.connect();
    await subscriber.subscribe(DONE_CHANNEL, (key) => {
      for (const wake of waiters.get(key) ?? []) wake();
    });
  } catch {
    if (subscriber.isOpen) subscriber.destroy();
    return null;
  }
  let closed = false;

  /** Resolves on the announcement of `key`; subscribe before looking, so none is missed. */
  const announcement = (key: string): { done: Promise<void>; cancel: () => void } => {
    let wake!: () => void;
    const done = new Promise<void>((resolve) => (wake = resolve));
    const set = waiters.get(key) ?? new Set<() => void>();
    set.add(wake);
    waiters.set(key, set);
    return {
      done,
      cancel: () => {
        set.delete(wake);
        if (set.size === 0) waiters.delete(key);
      },
    };
  };

  const hold = (lockKey: string, token: string, key: string): (() => Promise<void>) => {
    const timer = setInterval(
      () => {
        client
          .eval(RENEW_SCRIPT, { keys: [lockKey], arguments: [token, String(ttlMs)] })
          .catch(() => undefined);
      },
      Math.max(1, Math.floor(ttlMs / 3)),
    );
    timer.unref();
    renewals.add(timer);
    return async () => {
      clearInterval(timer);
      renewals.delete(timer);
      try {
        await client.eval(RELEASE_SCRIPT, { keys: [lockKey], arguments: [token] });
        await client.publish(DONE_CHANNEL, key);
      } catch {
        // The lock expires by itself; waiters wake at its expiry instead of now.
      }
    };
  };

  const lock = async (key: string, signal: AbortSignal): Promise<CacheClaim> => {
    const lockKey = `ot:lock:${key}`;
    for (;;) {
      if (closed || signal.aborted) return { kind: 'unavailable' };
      const token = randomUUID();
      // Listening starts before the look-ups, so an announcement between them is not missed.
      const heard = announcement(key);
      try {
        let pttl: number;
        try {
          const claimed = await client.set(lockKey, token, {
            condition: 'NX',
            expiration: { type: 'PX', value: ttlMs },
          });
          if (claimed === 'OK') return { kind: 'held', release: hold(lockKey, token, key) };
          const entry = await get(key);
          if (entry !== undefined) return { kind: 'entry', entry };
          pttl = await client.pTTL(lockKey);
        } catch {
          return { kind: 'unavailable' };
        }
        // -2: released between our SET and PTTL; claim it at once.
        if (pttl === -2) continue;
        await untilAnnouncedOrExpired(heard.done, pttl > 0 ? pttl : ttlMs, signal);
        const entry = await get(key);
        if (entry !== undefined) return { kind: 'entry', entry };
      } finally {
        heard.cancel();
      }
    }
  };

  return {
    lock,
    close() {
      closed = true;
      for (const timer of renewals) clearInterval(timer);
      renewals.clear();
      for (const set of waiters.values()) for (const wake of set) wake();
      if (subscriber.isOpen) subscriber.destroy();
    },
  };
}

/** Waits for the announcement, the lock's expiry (plus a little, so it is gone) or an abort. */
async function untilAnnouncedOrExpired(
  announced: Promise<void>,
  ms: number,
  signal: AbortSignal,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  try {
    await Promise.race([
      announced,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms + 20);
        onAbort = resolve;
        signal.addEventListener('abort', onAbort, { once: true });
      }),
    ]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}
