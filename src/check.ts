import type { Diagnostic } from './diagnostics/diagnostic.js';
import { loadProgram } from './ir/load-program.js';

/**
 * Every diagnostic of a template and the files it includes or calls with `flow()`, without
 * running it. Pass `source` to check text that is not (yet) saved at `path`.
 */
export function check(path: string, source?: string): Diagnostic[] {
  return loadProgram(path, source === undefined ? {} : { source }).diagnostics;
}
