/** The call cache: keys, the CallCache the runtime uses, and the stores behind it. */
export { canonicalJson } from './canonical-json.js';
export { CACHE_KEY_VERSION, cacheKey } from './cache-key.js';
export { CACHE_HMAC_KEY_ENV, entryHmac, withEntryHmac } from './cache-hmac.js';
export type { CallKeyParts } from './cache-key.js';
export {
  cacheFromKeyv,
  createCachedEntry,
  createOffCache,
  distinctWarnings,
} from './call-cache.js';
export type {
  CachedEntry,
  CacheWarningHandler,
  CallCache,
  KeyvCacheOptions,
} from './call-cache.js';
export { DEFAULT_CACHE_DIR, openCache, parseCacheSpec } from './open-cache.js';
export { createMemoryCache } from './memory-cache.js';
export type { CacheSpec, OpenCacheOptions } from './open-cache.js';
export { CorruptCacheEntryError, DiskStore } from './disk-store.js';
export type { DiskStoreOptions } from './disk-store.js';
export { DISK_ENTRY_FORMAT } from './disk-entry.js';
export { openRedisCache, redactUrl } from './redis-cache.js';
