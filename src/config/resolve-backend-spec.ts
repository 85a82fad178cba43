import { resolve } from 'node:path';
import type { Backend } from '../backends/backend.js';
import { createFakeBackend } from '../backends/fake/fake-backend.js';
import { loadFakeSpec } from '../backends/fake/load-fake-spec.js';
import type { OtConfig } from './config-types.js';
import { configError, createBackend, type CreateBackendOptions } from './create-backend.js';
import { CONFIG_FILE_NAME } from './find-config.js';

const FAKE_PREFIX = 'fake:';

/**
 * Turns `--backend` into a backend: `fake:PATH` reads a fake-backend file (PATH relative to
 * `baseDir`), anything else names a backend of the config.
 */
export function resolveBackendSpec(
  spec: string,
  config: OtConfig | null,
  baseDir: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
  options: CreateBackendOptions = {},
): Backend {
  if (spec.startsWith(FAKE_PREFIX)) {
    const path = spec.slice(FAKE_PREFIX.length);
    return createFakeBackend(loadFakeSpec(resolve(baseDir, path)), spec, {
      ...(options.sleep ? { sleep: options.sleep } : {}),
    });
  }
  if (config === null) {
    throw configError(
      resolve(baseDir, CONFIG_FILE_NAME),
      { start: 0, end: 0 },
      `backend \`${spec}\` is not defined: no ${CONFIG_FILE_NAME} was found in ${baseDir} or above; ` +
        'create one, pass --config PATH, or use --backend fake:FILE',
    );
  }
  return createBackend(spec, config, env, options);
}
