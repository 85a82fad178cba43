import { dirname } from 'node:path';
import { cacheSettingSpec } from '../../config/cache-setting.js';
import { findConfig } from '../../config/find-config.js';
import { loadConfig } from '../../config/load-config.js';
import type { OtConfig } from '../../config/config-types.js';
import { createBackendResolver, type BackendResolver } from '../../runtime/backend-resolver.js';
import { createRegistry } from '../../runtime/registry/registry.js';
import type { Registry } from '../../runtime/registry/types.js';
import type { RunnableFlow } from './runnable-flow.js';

/** The config, registry and backends a run of a flow uses. */
export interface RunBackends {
  config: OtConfig | null;
  registry: Registry;
  resolveBackend: BackendResolver;
}

/**
 * Loads the config (`configPath`, else `ot.config.yaml` found upward from the flow) and sets up
 * the registry and backend resolution, then creates every backend that `backends` names (null:
 * the flow's or the config's default) so that a missing API key fails before any call.
 * Throws an OtError or Error on a bad config or backend.
 */
export function setUpBackends(
  flow: RunnableFlow,
  configPath: string | undefined,
  backends: readonly (string | null)[],
  registry: Registry = createRegistry(),
): RunBackends {
  const path = configPath ?? findConfig(dirname(flow.entry.path));
  const config = path ? loadConfig(path) : null;
  registry.defaultBackend = config?.defaultBackend ?? registry.defaultBackend ?? null;
  const resolveBackend = createBackendResolver(registry, config);
  for (const name of backends) {
    const chosen = name ?? flow.entry.meta.backend ?? registry.defaultBackend;
    if (chosen) resolveBackend(chosen, flow.entry);
  }
  return { config, registry, resolveBackend };
}

/** `--cache` wins over the config's `cache:`; neither means `.ot-cache/` in the working directory. */
export function cacheSpec(flag: string | undefined, config: OtConfig | null): string | undefined {
  return flag ?? cacheSettingSpec(config?.cache);
}
