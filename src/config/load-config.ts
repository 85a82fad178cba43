import { dirname, resolve } from 'node:path';
import { parseCacheSetting } from './cache-setting.js';
import { checkBackendConfig } from './check-backend-config.js';
import {
  checkBoolean,
  checkKnownKeys,
  checkRecord,
  checkString,
  quoteKey,
} from './check-values.js';
import type { BackendConfig, CacheSetting, OtConfig } from './config-types.js';
import { describeValue, type Problem } from './problems.js';
import {
  loadYamlSource,
  parseYamlSource,
  throwIfProblems,
  type YamlSource,
} from './yaml-source.js';

const TOP_KEYS = ['backends', 'default_backend', 'cache', 'include_roots', 'allow_dynamic_paths'];
const BACKEND_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/**
 * Reads and validates an `ot.config.yaml`. Every problem is reported at once, as one OtError
 * whose OT4005 diagnostics name the file and point at the key; an empty file is an empty config.
 */
export function loadConfig(path: string): OtConfig {
  return checkConfig(loadYamlSource(resolve(path), 'config file'));
}

/** Validates config text; `path` names the file and anchors relative paths in it. */
export function parseConfig(text: string, path: string): OtConfig {
  return checkConfig(parseYamlSource(text, resolve(path)));
}

function checkConfig(source: YamlSource): OtConfig {
  const problems: Problem[] = [];
  const configDir = dirname(source.path);
  const config: OtConfig = {
    path: source.path,
    backends: {},
    defaultBackend: null,
    cache: null,
    includeRoots: [],
    allowDynamicPaths: false,
  };
  const top = checkRecord(source.value ?? {}, [], problems);
  if (top) {
    checkKnownKeys(top, [], TOP_KEYS, problems);
    if (top.backends !== undefined && top.backends !== null) {
      config.backends = checkBackends(top.backends, source, configDir, problems);
    }
    if (top.default_backend !== undefined) {
      config.defaultBackend = checkDefaultBackend(top.default_backend, top.backends, problems);
    }
    if (top.cache !== undefined) config.cache = checkCache(top.cache, configDir, problems);
    if (top.include_roots !== undefined && top.include_roots !== null) {
      config.includeRoots = checkIncludeRoots(top.include_roots, configDir, problems);
    }
    if (top.allow_dynamic_paths !== undefined) {
      config.allowDynamicPaths =
        checkBoolean(top.allow_dynamic_paths, ['allow_dynamic_paths'], problems) ?? false;
    }
  }
  throwIfProblems(source, problems);
  return config;
}

function checkBackends(
  value: unknown,
  source: YamlSource,
  configDir: string,
  problems: Problem[],
): Record<string, BackendConfig> {
  const backends: Record<string, BackendConfig> = {};
  const record = checkRecord(value, ['backends'], problems);
  if (!record) return backends;
  for (const [name, entry] of Object.entries(record)) {
    if (!BACKEND_NAME.test(name)) {
      problems.push({
        path: ['backends', name],
        message: `backend name \`${name}\` may contain only letters, digits, \`_\`, \`.\` and \`-\``,
        at: 'key',
      });
      continue;
    }
    const checked = checkBackendConfig(name, entry, ['backends', name], configDir, problems);
    if (checked) backends[name] = { ...checked, span: source.spanOf(['backends', name], 'key') };
  }
  return backends;
}

function checkDefaultBackend(
  value: unknown,
  backends: unknown,
  problems: Problem[],
): string | null {
  const name = checkString(value, ['default_backend'], problems);
  if (name === null) return null;
  const names =
    backends !== null && typeof backends === 'object' ? Object.keys(backends as object) : [];
  if (!names.includes(name)) {
    problems.push({
      path: ['default_backend'],
      message:
        `\`default_backend\` names \`${name}\`, which is not defined under \`backends\`` +
        (names.length > 0 ? ` (defined: ${names.join(', ')})` : ''),
      at: 'value',
    });
    return null;
  }
  return name;
}

function checkCache(value: unknown, configDir: string, problems: Problem[]): CacheSetting | null {
  if (value === false) return { kind: 'off' };
  if (typeof value === 'string' && value !== '') return parseCacheSetting(value, configDir);
  problems.push({
    path: ['cache'],
    message: `${quoteKey(['cache'])} must be "off", a directory or a redis:// URL, not ${describeValue(value)}`,
    at: 'value',
  });
  return null;
}

/** `include_roots:`: a list of directories, relative to the config file's directory. */
function checkIncludeRoots(value: unknown, configDir: string, problems: Problem[]): string[] {
  if (!Array.isArray(value)) {
    problems.push({
      path: ['include_roots'],
      message: `${quoteKey(['include_roots'])} must be a list of directories, not ${describeValue(value)}`,
      at: 'value',
    });
    return [];
  }
  const roots: string[] = [];
  value.forEach((entry, index) => {
    const dir = checkString(entry, ['include_roots', index], problems);
    if (dir !== null) roots.push(resolve(configDir, dir));
  });
  return roots;
}
