import type { Backend } from '../../backends/backend.js';
import { currentRegistry, inRegistryScope } from '../registry/current.js';
import type { Registry } from '../registry/types.js';
import { Executable } from './executable.js';

/** Executes `executable` with `registry` routing its builtins (OneTwo's `with_registry`). */
export function withRegistry<T>(executable: Executable<T>, registry: Registry): Executable<T> {
  return new Executable((run) => executable.execute({ ...run, registry }));
}

/** Backends in the current registry. */
export const backend = {
  /**
   * Adds a backend to the current registry. Inside a registry context it becomes that
   * context's default (as OneTwo's `register` configures the builtins there), whatever the
   * context inherited; in the global registry only the first one does. `default` overrides.
   */
  register(instance: Backend, options: { default?: boolean } = {}): void {
    const registry = currentRegistry();
    registry.backends[instance.name] = instance;
    const makeDefault = options.default ?? (inRegistryScope() || registry.defaultBackend === null);
    if (makeDefault) registry.defaultBackend = instance.name;
  },
};
