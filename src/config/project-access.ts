import { dirname, resolve } from 'node:path';
import { directoryAccess, type PathAccess } from '../ir/path-access.js';
import type { OtConfig } from './config-types.js';
import { findConfig } from './find-config.js';
import { loadConfig } from './load-config.js';

/**
 * Where a flow's `include` and `flow()` may read: a config's directory and its `include_roots`
 * (with its `allow_dynamic_paths`); `null` (no config) the entry file's directory; `undefined`
 * looks for `ot.config.yaml` upward from the entry, as `ot run` does.
 */
export function projectAccess(entryPath: string, config?: OtConfig | null): PathAccess {
  const entryDir = dirname(resolve(entryPath));
  if (config === null) return directoryAccess(entryDir);
  if (config !== undefined) return configAccess(config);
  const found = findConfig(entryDir);
  return found === null ? directoryAccess(entryDir) : configFileAccess(found);
}

/** The access a config file gives (`ot run --config PATH`). */
export function configFileAccess(configPath: string): PathAccess {
  try {
    return configAccess(loadConfig(configPath));
  } catch {
    // A broken config is reported by the commands that use it; until then only its directory
    // is readable and computed paths are refused, the safe reading.
    return directoryAccess(dirname(resolve(configPath)));
  }
}

function configAccess(config: OtConfig): PathAccess {
  return {
    roots: [dirname(config.path), ...config.includeRoots],
    allowDynamicPaths: config.allowDynamicPaths,
  };
}
