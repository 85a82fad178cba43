import { resolve } from 'node:path';
import type { CacheSetting } from './config-types.js';

/**
 * Reads a cache setting as `cache:` and `--cache` spell it: `off`, a `redis://` (or `rediss://`)
 * URL, or a directory relative to `baseDir`.
 */
export function parseCacheSetting(value: string, baseDir: string): CacheSetting {
  if (value === 'off') return { kind: 'off' };
  if (/^rediss?:\/\//i.test(value)) return { kind: 'redis', url: value };
  return { kind: 'directory', path: resolve(baseDir, value) };
}

/**
 * A config's `cache:` as `openCache` reads it (`off`, a directory, a redis URL); undefined when
 * the config names none (the caller's default, `.ot-cache/` in the working directory).
 */
export function cacheSettingSpec(setting: CacheSetting | null | undefined): string | undefined {
  if (!setting) return undefined;
  switch (setting.kind) {
    case 'off':
      return 'off';
    case 'directory':
      return setting.path;
    case 'redis':
      return setting.url;
  }
}
