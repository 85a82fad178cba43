import { realpathSync } from 'node:fs';
import path from 'node:path';

/** Where `include` and `flow()` may read files (README "Backends and `ot.config.yaml`"). */
export interface PathAccess {
  /** Absolute directories: the project root first, then the config's `include_roots`. */
  roots: string[];
  /** Whether a computed path (from an input or a variable) may name a file; it still must stay inside `roots`. */
  allowDynamicPaths: boolean;
}

/** The access of a project without a config: only `dir` (the entry's directory), no computed paths. */
export function directoryAccess(dir: string): PathAccess {
  return { roots: [path.resolve(dir)], allowDynamicPaths: false };
}

/**
 * The real path of `target` when it leaves every root, else null. Symlinks are followed (a link
 * inside the root to a file outside it is outside); a path that does not exist yet keeps its
 * missing tail, so `../x.ot` is refused before anyone tries to read it.
 */
export function outsideRoots(target: string, access: PathAccess): string | null {
  const real = realPath(target);
  const inside = access.roots.some((root) => isWithin(real, realPath(root)));
  return inside ? null : real;
}

/** The roots for a message: "`/p`" or "`/p`, `/shared`". */
export function describeRoots(access: PathAccess): string {
  return access.roots.map((root) => `\`${root}\``).join(', ');
}

function isWithin(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return (
    relative === '' ||
    (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
  );
}

function realPath(target: string): string {
  const absolute = path.resolve(target);
  const tail: string[] = [];
  let head = absolute;
  for (;;) {
    try {
      return path.join(realpathSync.native(head), ...tail);
    } catch {
      const parent = path.dirname(head);
      if (parent === head) return absolute;
      tail.unshift(path.basename(head));
      head = parent;
    }
  }
}
