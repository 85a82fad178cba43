import { readFileSync } from 'node:fs';

/** Reads a UTF-8 file, or undefined when it cannot be read (missing, a directory, no access). */
export function readFileOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
