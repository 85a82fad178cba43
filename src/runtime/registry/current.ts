import { AsyncLocalStorage } from 'node:async_hooks';
import { cloneRegistry, createRegistry } from './registry.js';
import type { Registry } from './types.js';

const storage = new AsyncLocalStorage<Registry>();
let globalRegistry: Registry = createRegistry();

/** The registry in effect here: the innermost `withRegistryContext` scope's, else the global one. */
export function currentRegistry(): Registry {
  return storage.getStore() ?? globalRegistry;
}

/** True inside `withRegistryContext` (or `runWithRegistry`), where registry changes stay local. */
export function inRegistryScope(): boolean {
  return storage.getStore() !== undefined;
}

/**
 * Runs `fn` with a copy of the current registry as the current one (OneTwo's `RegistryContext`):
 * what `fn` configures stays inside, including in the async work it starts.
 */
export function withRegistryContext<T>(fn: () => T): T {
  return storage.run(cloneRegistry(currentRegistry()), fn);
}

/** Runs `fn` with `registry` as the current one. */
export function runWithRegistry<T>(registry: Registry, fn: () => T): T {
  return storage.run(registry, fn);
}

/** A copy of the current registry, to configure and pass to `withRegistry`. */
export function copyRegistry(): Registry {
  return cloneRegistry(currentRegistry());
}

/** Replaces the process-wide registry (the CLI installs the configured backends here). */
export function setGlobalRegistry(registry: Registry): void {
  globalRegistry = registry;
}
