import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** At most this many `.ot` files are looked at in a workspace (a rename must answer quickly). */
const MAX_FILES = 5000;

/** Folders that hold no flows of the project: dependencies, build output, version control. */
const skipped = new Set(['node_modules', 'dist', 'out', 'build', 'coverage']);

/** The `.ot` files under the workspace folders (hidden and dependency folders left out). */
export function otFilesUnder(roots: readonly string[]): string[] {
  const found = new Set<string>();
  const walk = (folder: string): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (found.size >= MAX_FILES) return;
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!skipped.has(entry.name)) walk(path);
      } else if (entry.isFile() && entry.name.endsWith('.ot')) {
        found.add(path);
      }
    }
  };
  for (const root of roots) walk(root);
  return [...found];
}
