import {
  flowCacheSlot,
  readCachedFlow,
  recordingReader,
  writeCachedFlow,
  type CachedProgram,
} from '../../cache/flow-cache.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import type { PathAccess } from '../../ir/path-access.js';
import type { LoadAtRunTime } from '../../program-hooks.js';

/** A loaded flow and the loader for templates its computed paths reach at run time. */
export interface LoadedFlow extends CachedProgram {
  loadAtRunTime: LoadAtRunTime;
}

/**
 * `ot run`'s load: the checked program from the flow cache when every file it read is unchanged
 * (the parser and the checks are then not even imported), else parsed, lowered and checked, and
 * kept in the flow cache when it has no errors.
 */
export async function loadFlow(file: string, access: PathAccess, cwd: string): Promise<LoadedFlow> {
  const slot = flowCacheSlot(file, access, cwd);
  const cached = slot === null ? null : readCachedFlow(slot);
  if (cached !== null) {
    const loadAtRunTime = cached.program.access?.allowDynamicPaths
      ? (await import('../../ir/load-program.js')).loadProgram
      : refuse;
    return { ...cached, loadAtRunTime };
  }
  const { loadProgram } = await import('../../ir/load-program.js');
  const reader = recordingReader();
  const loaded = loadProgram(file, { access, readFile: reader.readFile });
  if (slot !== null && !hasErrors(loaded.diagnostics)) writeCachedFlow(slot, loaded, reader.reads);
  return { ...loaded, loadAtRunTime: loadProgram };
}

/** Never called: without `allow_dynamic_paths` the run refuses computed paths before loading. */
const refuse: LoadAtRunTime = (path) => {
  throw new Error(`${path}: a computed path is not allowed here`);
};
