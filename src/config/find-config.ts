import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The config file's name. */
export const CONFIG_FILE_NAME = 'ot.config.yaml';

/** The nearest `ot.config.yaml` in `startDir` or a directory above it; null if there is none. */
export function findConfig(startDir: string): string | null {
  let dir = resolve(startDir);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (isFile(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
