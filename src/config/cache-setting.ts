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
