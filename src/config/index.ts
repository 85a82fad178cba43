export type {
  BackendConfig,
  CacheSetting,
  FakeBackendConfig,
  OtConfig,
  RemoteBackendConfig,
} from './config-types.js';
export { CONFIG_FILE_NAME, findConfig } from './find-config.js';
export { loadConfig, parseConfig } from './load-config.js';
export { cacheSettingSpec, parseCacheSetting } from './cache-setting.js';
export { DEFAULT_CONCURRENCY } from './check-backend-config.js';
export { createBackend, type CreateBackendOptions } from './create-backend.js';
export { resolveBackendSpec } from './resolve-backend-spec.js';
