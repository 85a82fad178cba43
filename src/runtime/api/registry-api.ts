import type { Backend } from '../../backends/backend.js';
import { currentRegistry } from '../registry/current.js';
import type { Registry } from '../registry/types.js';
import { Executable } from './executable.js';

/** Executes `executable` with `registry` routing its builtins (OneTwo's `with_registry`). */
export function withRegistry<T>(executable: Executable<T>, registry: Registry): Executable<T> {
  return new Executable((run) => executable.execute({ ...run, registry }));
}

/** Backends in the current registry. */
export const backend = {
  /** Adds a backend to the current registry; the first one registered becomes the default. */
  register(instance: Backend, options: { default?: boolean } = {}): void {
    const registry = currentRegistry();
    registry.backends[instance.name] = instance;
    if (options.default || registry.defaultBackend === null)
      registry.defaultBackend = instance.name;
  },
};
