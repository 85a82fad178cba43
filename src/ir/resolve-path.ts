import path from 'node:path';

/**
 * The key of a template named by a literal `include` or `flow()` path: relative paths resolve
 * against the including file's directory, and keys stay relative when the root's path is, so
 * diagnostics print the paths the user typed.
 */
export function resolveTemplatePath(from: string, target: string): string {
  if (path.isAbsolute(target)) return path.normalize(target);
  return path.join(path.dirname(from), target);
}
