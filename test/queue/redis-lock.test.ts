// Single flight across processes at the cache level: two redis caches on one server stand for
// two workers (each has its own connections, as separate processes would).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallCache } from '../../src/cache/call-cache.js';
import { createCachedEntry } from '../../src/cache/call-cache.js';
import { openCache } from '../../src/cache/open-cache.js';
import { fetchShared } from '../../src/runtime/shared-flight.js';
import type { RedisServer } from '../cache/helpers/redis-server.js';
import { findRedisServer, startRedisServer } from '../cache/helpers/redis-server.js';

const redisBinary = findRedisServer();
const skip = redisBinary === undefined && !process.env['CI'];
if (skip) console.warn('test/queue: redis-server is not on PATH; the redis lock tests are skipped');

describe.skipIf(skip)('the redis cache lock (single flight across processes)', () => {
  let redis: RedisServer;
  const caches: CallCache[] = [];
  const signal = new AbortController().signal;

  beforeAll(async () => {
    if (redisBinary === undefined) throw new Error('redis-server is not on PATH');
    redis = await startRedisServer(redisBinary);
    return () => redis.stop();
  });

  afterEach(async () => {
    await Promise.all(caches.splice(0).map((cache) => cache.close()));
  });

  async function cache(lockTtlMs = 10_000): Promise<CallCache> {
    const opened = await openCache(redis.url, {
      cwd: process.cwd(),
      lockTtlMs,
      onWarning: (message) => {
        throw new Error(message);
      },
    });
    caches.push(opened);
    expect(opened.lock).toBeDefined();
    return opened;
  }

  /** A call that stores its result, counting how often it is made; it ends when `finish` is called. */
  function call(store: CallCache, key: string, value: string) {
    const made = { count: 0 };
    let finish = (): void => {};
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const fetch = async () => {
      made.count++;
      await finished;
      await store.set(key, createCachedEntry('generate_text', value));
      return { value, cached: false };
    };
    return { made, finish, fetch };
  }

  const replay = (entry: { value: unknown }) => ({ value: entry.value as string, cached: true });

  it('an identical call in flight in another process is awaited, not repeated', async () => {
    const [a, b] = [await cache(), await cache()];
    const first = call(a, 'k-shared', 'one');
    const second = call(b, 'k-shared', 'two');
    const gotA = fetchShared(a, 'k-shared', signal, first.fetch, replay);
    // B looks up only once A holds the lock (A's fetch has started).
    await until(() => first.made.count === 1);
    const gotB = fetchShared(b, 'k-shared', signal, second.fetch, replay);
    // Give B time to find the lock taken and start waiting (if it has not, it finds the entry:
    // either way it must not make the call).
    await new Promise((resolve) => setTimeout(resolve, 100));
    first.finish();
    expect(await gotA).toEqual({ value: 'one', cached: false });
    expect(await gotB).toEqual({ value: 'one', cached: true });
    expect(second.made.count).toBe(0);
  });

  it('a holder that dies (its lock never released) delays the call by one lock life, not forever', async () => {
    const [a, b] = [await cache(300), await cache(300)];
    const claim = await a.lock!('k-dead', signal);
    expect(claim.kind).toBe('held');
    // Closing stops the renewals without releasing: what `kill -9` leaves behind.
    await a.close();
    const second = call(b, 'k-dead', 'two');
    second.finish();
    expect(await fetchShared(b, 'k-dead', signal, second.fetch, replay)).toEqual({
      value: 'two',
      cached: false,
    });
    expect(second.made.count).toBe(1);
  });

  it('a holder whose call fails releases the lock, and a waiter makes the call itself', async () => {
    const [a, b] = [await cache(), await cache()];
    const claim = await a.lock!('k-failed', signal);
    if (claim.kind !== 'held') throw new Error(`expected the lock, got ${claim.kind}`);
    const second = call(b, 'k-failed', 'two');
    second.finish();
    const gotB = fetchShared(b, 'k-failed', signal, second.fetch, replay);
    await claim.release();
    expect(await gotB).toEqual({ value: 'two', cached: false });
    expect(second.made.count).toBe(1);
  });
});

/** Waits for a condition that the code under test makes true on its own (event-driven tests would need hooks in it). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}
