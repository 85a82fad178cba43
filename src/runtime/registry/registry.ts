import type { Backend } from '../../backends/backend.js';
import { defaultBuiltins } from '../builtins/index.js';
import type { Registry } from './types.js';

/** A registry with the default builtins and the given backends. */
export function createRegistry(
  backends: readonly Backend[] = [],
  defaultBackend?: string,
): Registry {
  const registry: Registry = { builtins: defaultBuiltins(), backends: {}, defaultBackend: null };
  for (const backend of backends) registry.backends[backend.name] = backend;
  registry.defaultBackend = defaultBackend ?? backends[0]?.name ?? null;
  return registry;
}

/** An independent copy: changing one does not change the other (OneTwo's `copy_registry`). */
export function cloneRegistry(registry: Registry): Registry {
  return {
    builtins: { ...registry.builtins },
    backends: { ...registry.backends },
    defaultBackend: registry.defaultBackend,
  };
}
