import KeyvRedis, { createClient } from '@keyv/redis';
import { Keyv } from 'keyv';
import type { CacheWarningHandler, CallCache } from './call-cache.js';
import { cacheFromKeyv, createOffCache } from './call-cache.js';
import { keyvOptions } from './keyv-options.js';
import { createRedisLocks, DEFAULT_LOCK_TTL_MS } from './redis-lock.js';

/** A server that does not accept the connection by then is treated as down. */
const CONNECT_TIMEOUT_MS = 2_000;
/** A command not answered by then is a miss (or a skipped write), so a stuck server cannot hang a run. */
const COMMAND_TIMEOUT_MS = 3_000;
/** Reconnect attempts after a lost connection back off up to this delay. */
const MAX_RECONNECT_DELAY_MS = 500;

/**
 * Opens the shared cache on a redis server (`redis://…` or `rediss://…`). A server that
 * cannot be reached is one warning and a cache that is off; a server lost later makes
 * every operation a warning and a miss (commands are refused at once rather than queued)
 * until the client reconnects in the background. `close()` destroys the connection, so
 * the process can exit. The cache can `lock` (see redis-lock.ts): identical calls of processes
 * sharing the server are made once; `lockTtlMs` bounds how long a killed holder delays a call.
 */
export async function openRedisCache(
  url: string,
  onWarning: CacheWarningHandler,
  lockTtlMs: number = DEFAULT_LOCK_TTL_MS,
): Promise<CallCache> {
  const description = `redis cache at ${redactUrl(url)}`;
  let everReady = false;
  let client: ReturnType<typeof createRedisClient>;
  try {
    client = createRedisClient(url, () => everReady);
  } catch (error) {
    onWarning(`${description}: ${errorText(error)}; continuing without the cache`);
    return createOffCache(`no cache (${description} is not a valid redis URL)`);
  }
  client.on('ready', () => {
    everReady = true;
  });
  // The client emits every socket error; without a listener Node would crash the process.
  // Failures reach the user through the connect rejection below and, later, through keyv.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    onWarning(`${description} is unreachable (${errorText(error)}); continuing without the cache`);
    return createOffCache(`no cache (${description} is unreachable)`);
  }
  const store = new KeyvRedis(client, { throwOnErrors: true });
  // The namespace prefixes redis keys (`ot::ot1:…`), so a shared server can host other data.
  const keyv = new Keyv(store, { ...keyvOptions, namespace: 'ot' });
  const cache = cacheFromKeyv(keyv, {
    description,
    onWarning,
    release: async () => {
      // Every command has settled (close waits for them), so nothing is lost by not waiting
      // for a QUIT round trip that a dead server would never answer.
      if (client.isOpen) client.destroy();
    },
  });
  const locks = await createRedisLocks(client, (key) => cache.get(key), lockTtlMs);
  if (!locks) return cache;
  return {
    ...cache,
    lock: (key, signal) => locks.lock(key, signal),
    close: async () => {
      locks.close();
      await cache.close();
    },
  };
}

/** The redis client of the cache (node-redis, as @keyv/redis creates it). */
export type RedisClient = ReturnType<typeof createRedisClient>;

/** A client that fails fast instead of queueing or retrying while the server is away. */
function createRedisClient(url: string, everReady: () => boolean) {
  return createClient({
    url,
    // Queued commands would wait for a server that may never come back: refuse them instead.
    disableOfflineQueue: true,
    commandOptions: { timeout: COMMAND_TIMEOUT_MS },
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      // Never retry the first connection (the run continues uncached at once); after a
      // connection that worked, keep retrying in the background with a short back-off.
      reconnectStrategy: (retries) =>
        everReady() ? Math.min(50 * 2 ** retries, MAX_RECONNECT_DELAY_MS) : false,
    },
  });
}

/** The URL without user name and password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//');
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
