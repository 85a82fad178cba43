import { dirname, resolve } from 'node:path';
import type { Backend } from '../backends/backend.js';
import { createBackend } from '../config/create-backend.js';
import type { OtConfig } from '../config/config-types.js';
import { resolveBackendSpec } from '../config/resolve-backend-spec.js';
import type { TemplateIR } from '../ir/ir.js';
import type { Registry } from './registry/types.js';

/** Finds the backend a template's calls run on, by name. */
export type BackendResolver = (name: string, template: TemplateIR) => Backend;

/**
 * Resolves backend names in order: a backend registered in the registry; `fake:PATH` (relative
 * to the template's file, so a sample's front matter can name its own fake file); a backend of
 * `ot.config.yaml`. Each backend is created once per resolver, so a fake's lists are taken in
 * turn across the whole session and a provider's client is reused.
 */
export function createBackendResolver(
  registry: Registry,
  config: OtConfig | null,
): BackendResolver {
  const created = new Map<string, Backend>();
  return (name, template) => {
    const registered = registry.backends[name];
    if (registered) return registered;
    const key = name.startsWith('fake:')
      ? `fake:${resolve(dirname(template.path), name.slice(5))}`
      : name;
    let backend = created.get(key);
    if (!backend) {
      backend = name.startsWith('fake:')
        ? resolveBackendSpec(name, config, dirname(template.path))
        : config
          ? createBackend(name, config)
          : resolveBackendSpec(name, null, dirname(template.path));
      created.set(key, backend);
    }
    return backend;
  };
}
