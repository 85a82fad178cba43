import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Why a file cannot be written at `path` (a directory, a missing or read-only directory), or
 * null when it can: checked before a run starts, so a bad `--trace` or `-o` fails at once
 * instead of after the calls were paid for. Nothing is created.
 */
export function outputPathProblem(path: string): string | null {
  const existing = statOrNull(path);
  if (existing?.isDirectory()) return 'it is a directory';
  if (existing) return writable(path) ? null : 'permission denied';
  const directory = dirname(resolve(path));
  const parent = statOrNull(directory);
  if (!parent) return `no such directory: ${directory}`;
  if (!parent.isDirectory()) return `not a directory: ${directory}`;
  return writable(directory) ? null : `permission denied: ${directory}`;
}

function statOrNull(path: string): ReturnType<typeof statSync> | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
