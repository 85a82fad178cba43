import type { CachedEntry, CallCache } from './call-cache.js';

/**
 * `--cache memory`: entries for the life of this process, as JSON text (so a replayed value is
 * a fresh copy that a template cannot have changed). A plain Map rather than keyv's in-memory
 * store: replaying 10,000 calls spends its time in the runtime, not in keyv's hooks and
 * promise layers; persistent and shared stores still go through keyv.
 */
export function createMemoryCache(description = 'memory cache'): CallCache {
  const entries = new Map<string, string>();
  let closed = false;
  return {
    description,
    get(key) {
      const text = closed ? undefined : entries.get(key);
      return Promise.resolve(text === undefined ? undefined : (JSON.parse(text) as CachedEntry));
    },
    set(key, entry) {
      if (!closed) entries.set(key, JSON.stringify(entry));
      return Promise.resolve();
    },
    close() {
      closed = true;
      return Promise.resolve();
    },
  };
}
