import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CachedEntry, CacheWarningHandler, CallCache } from './call-cache.js';
import { canonicalJson } from './canonical-json.js';

/** The environment variable whose value, when set, signs and checks every cache entry. */
export const CACHE_HMAC_KEY_ENV = 'OT_CACHE_HMAC_KEY';

/**
 * The entry's HMAC-SHA256 (hex) under `secret`, over the cache key and what a replay uses (the
 * value, the finish reason and the usage), so an entry cannot be moved to another key or
 * altered. Usage is appended only when present, so entries signed before it keep their HMAC.
 */
export function entryHmac(secret: string, key: string, entry: CachedEntry): string {
  const signed = canonicalJson([
    key,
    entry.value,
    entry.finishReason ?? null,
    ...(entry.usage ? [entry.usage] : []),
  ]);
  return createHmac('sha256', secret).update(signed).digest('hex');
}

/**
 * A cache whose entries carry an HMAC: written with one, and read back only when it checks out.
 * On a shared store (redis, a shared directory) anyone who can write to it can plant entries;
 * without the secret they cannot sign them, so a forged, altered or unsigned entry is a warning
 * and a miss, and the fresh reply replaces it. Wraps the entry, so it works over any store.
 */
export function withEntryHmac(
  cache: CallCache,
  secret: string,
  onWarning: CacheWarningHandler,
): CallCache {
  const reject = (key: string, why: string): undefined => {
    onWarning(
      `${cache.description}: the entry ${key} ${why} (${CACHE_HMAC_KEY_ENV} is set); treated as a miss, the fresh reply replaces it`,
    );
    return undefined;
  };
  return {
    description: cache.description,
    async get(key) {
      const entry = await cache.get(key);
      if (entry === undefined) return undefined;
      const { hmac, ...unsigned } = entry;
      if (typeof hmac !== 'string') return reject(key, 'has no HMAC');
      let expected: string;
      try {
        expected = entryHmac(secret, key, unsigned);
      } catch {
        return reject(key, 'holds a value that is not JSON');
      }
      if (!sameHex(hmac, expected)) return reject(key, 'has an HMAC that does not match');
      return unsigned;
    },
    async set(key, entry) {
      await cache.set(key, { ...entry, hmac: entryHmac(secret, key, entry) });
    },
    close: async () => cache.close(),
  };
}

/** Constant-time comparison, so the time taken does not tell how much of a forgery was right. */
function sameHex(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
