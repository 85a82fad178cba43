import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertNever } from '../assert-never.js';
import type { CacheWarningHandler, CallCache } from './call-cache.js';
import { cacheFromKeyv, createOffCache, distinctWarnings } from './call-cache.js';
import { CACHE_HMAC_KEY_ENV, withEntryHmac } from './cache-hmac.js';
import { createMemoryCache } from './memory-cache.js';

/** The default cache directory, relative to the working directory. */
export const DEFAULT_CACHE_DIR = '.ot-cache';

/** What a `--cache` value (or config `cache:`) asks for. */
export type CacheSpec =
  | { kind: 'disk'; dir: string }
  | { kind: 'memory' }
  | { kind: 'off' }
  | { kind: 'redis'; url: string }
  | { kind: 'unsupported'; spec: string };

/** Options of `openCache`. */
export interface OpenCacheOptions {
  /** Relative directories (and the default `.ot-cache/`) are resolved against it. */
  cwd: string;
  /** Receives each distinct warning once; by default Node process warnings. */
  onWarning?: (message: string) => void;
  /**
   * Signs entries and accepts only signed ones (see cache-hmac.ts); by default the value of
   * `OT_CACHE_HMAC_KEY`, unset or empty meaning unsigned entries.
   */
  hmacKey?: string;
  /** A redis cache's lock life (see redis-lock.ts); default 10 s. */
  lockTtlMs?: number;
}

/**
 * Reads a cache spec: undefined or empty → `<cwd>/.ot-cache`; `off`; `memory`;
 * `redis://…` / `rediss://…`; `file://…` or any other text → a directory.
 */
export function parseCacheSpec(spec: string | undefined, cwd: string): CacheSpec {
  const text = spec?.trim() ?? '';
  if (text === '') return { kind: 'disk', dir: path.resolve(cwd, DEFAULT_CACHE_DIR) };
  if (text === 'off') return { kind: 'off' };
  if (text === 'memory') return { kind: 'memory' };
  if (/^rediss?:\/\//i.test(text)) return { kind: 'redis', url: text };
  if (/^file:\/\//i.test(text)) {
    try {
      return { kind: 'disk', dir: fileURLToPath(text) };
    } catch {
      // A file URL naming another host, or not a valid URL at all.
      return { kind: 'unsupported', spec: text };
    }
  }
  // Two or more letters before `://`, so a Windows path like C:\cache stays a directory.
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(text)) return { kind: 'unsupported', spec: text };
  return { kind: 'disk', dir: path.resolve(cwd, text) };
}

/**
 * Opens the call cache a spec names (see `parseCacheSpec`). Never rejects: a cache that
 * cannot be opened is a warning and a cache that is off.
 */
export async function openCache(
  spec: string | undefined,
  options: OpenCacheOptions,
): Promise<CallCache> {
  const onWarning: CacheWarningHandler = distinctWarnings(
    options.onWarning ?? ((message) => process.emitWarning(message, 'OtCacheWarning')),
  );
  const opened = await openStore(parseCacheSpec(spec, options.cwd), onWarning, options.lockTtlMs);
  const secret = options.hmacKey ?? process.env[CACHE_HMAC_KEY_ENV] ?? '';
  return secret === '' ? opened : withEntryHmac(opened, secret, onWarning);
}

async function openStore(
  parsed: CacheSpec,
  onWarning: CacheWarningHandler,
  lockTtlMs: number | undefined,
): Promise<CallCache> {
  switch (parsed.kind) {
    case 'disk': {
      // keyv and the disk store (with zlib) are loaded only for a disk cache, so a run with the
      // cache off or in memory starts quicker.
      const [{ Keyv }, { DiskStore }, { keyvOptions }] = await Promise.all([
        import('keyv'),
        import('./disk-store.js'),
        import('./keyv-options.js'),
      ]);
      const store = new DiskStore({ dir: parsed.dir });
      return cacheFromKeyv(new Keyv(store, keyvOptions), {
        description: `disk cache at ${parsed.dir}`,
        onWarning,
      });
    }
    case 'memory':
      return createMemoryCache();
    case 'off':
      return createOffCache();
    case 'redis': {
      // The Redis client is loaded only for a redis:// cache, so other runs start quicker.
      const { openRedisCache } = await import('./redis-cache.js');
      return openRedisCache(parsed.url, onWarning, lockTtlMs);
    }
    case 'unsupported': {
      const { redactUrl } = await import('./redis-cache.js');
      onWarning(
        `unsupported cache ${redactUrl(parsed.spec)}: use a directory, redis://…, rediss://…, memory or off; continuing without the cache`,
      );
      return createOffCache();
    }
    default:
      return assertNever(parsed);
  }
}
