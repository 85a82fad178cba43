import { resolve } from 'node:path';
import type { GenerationArgs, TokenPrice, TruncationPolicy } from '../backends/backend.js';
import { fakeCapabilities } from '../backends/fake/fake-backend.js';
import { isProviderName, providerNames } from '../backends/provider-name.js';
import { backendModes, type BackendMode } from '../backends/providers/completion-mode.js';
import { providerDefinitions } from '../backends/providers/index.js';
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from '../backends/retry.js';
import { DEFAULT_STREAM_IDLE_MS } from '../backends/providers/stream-reply.js';
import { checkGenerationArgs } from './check-generation-args.js';
import {
  checkBoolean,
  checkInteger,
  checkKnownKeys,
  checkNumber,
  checkRecord,
  checkString,
  quoteKey,
  reportMissing,
} from './check-values.js';
import type { FakeBackendConfig, RemoteBackendConfig } from './config-types.js';
import { describeValue, type KeyPath, type Problem } from './problems.js';

const COMMON_KEYS = ['provider', 'concurrency', 'defaults', 'on_truncation', 'price'];
const PRICE_KEYS = ['input', 'output'] as const;
const TRUNCATION_POLICIES: readonly TruncationPolicy[] = ['warn', 'error'];
const REMOTE_KEYS = [
  ...COMMON_KEYS,
  'model',
  'base_url',
  'api_key_env',
  'max_retries',
  'timeout_ms',
  'stream_idle_ms',
  'rpm',
  'tpm',
];
const KEY_MISTAKES = ['api_key', 'apikey', 'apiKey', 'key', 'token', 'secret'];

/** A backend entry before its span in the file is looked up. */
export type BackendConfigWithoutSpan =
  Omit<RemoteBackendConfig, 'span'> | Omit<FakeBackendConfig, 'span'>;

/** The default number of calls in flight on one backend. */
export const DEFAULT_CONCURRENCY = 32;

/** Validates one entry of `backends:`; `configDir` anchors a fake backend's `file`. */
export function checkBackendConfig(
  name: string,
  value: unknown,
  path: KeyPath,
  configDir: string,
  problems: Problem[],
): BackendConfigWithoutSpan | null {
  const record = checkRecord(value, path, problems);
  if (!record) return null;
  if (record.provider === undefined) {
    reportMissing(path, 'provider', problems);
    return null;
  }
  const provider = record.provider;
  if (typeof provider !== 'string' || !isProviderName(provider)) {
    problems.push({
      path: [...path, 'provider'],
      message: `${quoteKey([...path, 'provider'])} must be one of ${providerNames.join(', ')}, not ${describeValue(provider)}`,
      at: 'value',
    });
    return null;
  }
  const allowed =
    provider === 'fake'
      ? [...COMMON_KEYS, 'file']
      : provider === 'openai-compatible'
        ? [...REMOTE_KEYS, 'structured_outputs', 'mode']
        : provider === 'openai'
          ? [...REMOTE_KEYS, 'mode']
          : REMOTE_KEYS;
  checkKnownKeys(record, path, allowed, problems, (key) =>
    KEY_MISTAKES.includes(key)
      ? `\`${key}\` is not allowed: API keys never go in the config file; put the key in an ` +
        'environment variable and name that variable with `api_key_env`'
      : key === 'mode'
        ? `\`mode\` is not allowed for provider ${provider}: only openai-compatible and openai ` +
          'backends have a completion mode (`mode: completion`, the /v1/completions API)'
        : null,
  );
  const concurrency = optional(record.concurrency, DEFAULT_CONCURRENCY, (v) =>
    checkInteger(v, [...path, 'concurrency'], problems, 1),
  );
  const supported =
    provider === 'fake'
      ? fakeCapabilities.supportedArgs
      : providerDefinitions[provider].capabilities({ structuredOutputs: false }).supportedArgs;
  const defaults: GenerationArgs =
    record.defaults === undefined
      ? {}
      : checkGenerationArgs(record.defaults, [...path, 'defaults'], supported, provider, problems);

  const onTruncation = optional(record.on_truncation, 'warn' as const, (v) =>
    checkTruncationPolicy(v, [...path, 'on_truncation'], problems),
  );

  // null: invalid (reported); undefined: absent.
  const price =
    record.price === undefined ? undefined : checkPrice(record.price, [...path, 'price'], problems);
  if (price === null) return null;
  const priced = price ? { price } : {};

  if (provider === 'fake') {
    if (record.file === undefined) reportMissing(path, 'file', problems);
    const file =
      record.file === undefined ? null : checkString(record.file, [...path, 'file'], problems);
    if (file === null || concurrency === null || onTruncation === null) return null;
    return {
      name,
      provider,
      file: resolve(configDir, file),
      concurrency,
      defaults,
      onTruncation,
      ...priced,
    };
  }

  if (record.model === undefined) reportMissing(path, 'model', problems);
  const model =
    record.model === undefined ? null : checkString(record.model, [...path, 'model'], problems);
  const definition = providerDefinitions[provider];
  if (record.base_url === undefined && definition.defaultBaseUrl === null) {
    problems.push({
      path,
      message: `${quoteKey(path)} is missing the required key \`base_url\` (the server's address, such as http://localhost:11434/v1)`,
      at: 'key',
    });
  }
  // null: absent (the provider's default); undefined: invalid, already reported.
  const baseUrl =
    record.base_url === undefined
      ? null
      : checkUrl(record.base_url, [...path, 'base_url'], problems);
  const apiKeyEnv =
    record.api_key_env === undefined
      ? null
      : checkEnvName(record.api_key_env, [...path, 'api_key_env'], problems);
  const maxRetries = optional(record.max_retries, DEFAULT_MAX_RETRIES, (v) =>
    checkInteger(v, [...path, 'max_retries'], problems, 0),
  );
  const timeoutMs = optional(record.timeout_ms, DEFAULT_TIMEOUT_MS, (v) =>
    checkInteger(v, [...path, 'timeout_ms'], problems, 1),
  );
  const streamIdleMs = optional(record.stream_idle_ms, DEFAULT_STREAM_IDLE_MS, (v) =>
    checkInteger(v, [...path, 'stream_idle_ms'], problems, 1),
  );
  // null: no limit; undefined: invalid, already reported.
  const rpm = optional(
    record.rpm,
    null,
    (v) => checkInteger(v, [...path, 'rpm'], problems, 1) ?? undefined,
  );
  const tpm = optional(
    record.tpm,
    null,
    (v) => checkInteger(v, [...path, 'tpm'], problems, 1) ?? undefined,
  );
  const structuredOutputs = optional(record.structured_outputs, false, (v) =>
    checkBoolean(v, [...path, 'structured_outputs'], problems),
  );
  const mode = optional(record.mode, 'chat' as const, (v) =>
    checkMode(v, [...path, 'mode'], problems),
  );
  if (mode === 'completion' && structuredOutputs === true) {
    problems.push({
      path: [...path, 'structured_outputs'],
      message: `${quoteKey([...path, 'structured_outputs'])} cannot be used with \`mode: completion\` (the completions API has no response_format)`,
      at: 'key',
    });
  }
  if (
    model === null ||
    baseUrl === undefined ||
    apiKeyEnv === undefined ||
    concurrency === null ||
    maxRetries === null ||
    timeoutMs === null ||
    streamIdleMs === null ||
    rpm === undefined ||
    tpm === undefined ||
    structuredOutputs === null ||
    mode === null ||
    onTruncation === null
  ) {
    return null;
  }
  return {
    name,
    provider,
    model,
    baseUrl,
    apiKeyEnv,
    structuredOutputs,
    mode,
    concurrency,
    maxRetries,
    timeoutMs,
    streamIdleMs,
    rpm,
    tpm,
    defaults,
    onTruncation,
    ...priced,
  };
}

/** `{input: N, output: N}`: USD per million input and output tokens, both required, ≥ 0. */
function checkPrice(value: unknown, path: KeyPath, problems: Problem[]): TokenPrice | null {
  const record = checkRecord(value, path, problems);
  if (!record) return null;
  checkKnownKeys(record, path, PRICE_KEYS, problems);
  const [input, output] = PRICE_KEYS.map((key) => {
    if (record[key] === undefined) {
      reportMissing(path, key, problems);
      return null;
    }
    return checkNumber(record[key], [...path, key], problems, 0);
  });
  return input == null || output == null ? null : { input, output };
}

/** `chat` or `completion`. */
function checkMode(value: unknown, path: KeyPath, problems: Problem[]): BackendMode | null {
  const mode = backendModes.find((m) => m === value);
  if (mode !== undefined) return mode;
  problems.push({
    path,
    message: `${quoteKey(path)} must be ${backendModes.join(' or ')}, not ${describeValue(value)}`,
    at: 'value',
  });
  return null;
}

/** `warn` or `error`. */
function checkTruncationPolicy(
  value: unknown,
  path: KeyPath,
  problems: Problem[],
): TruncationPolicy | null {
  const policy = TRUNCATION_POLICIES.find((p) => p === value);
  if (policy !== undefined) return policy;
  problems.push({
    path,
    message: `${quoteKey(path)} must be warn or error, not ${describeValue(value)}`,
    at: 'value',
  });
  return null;
}

/** The fallback when the key is absent, else the checked value (null when invalid). */
function optional<T, F>(
  value: unknown,
  fallback: F,
  check: (value: unknown) => T | null,
): T | F | null {
  return value === undefined ? fallback : check(value);
}

/** An http(s) URL without its trailing slash; undefined when invalid (null means "absent"). */
function checkUrl(value: unknown, path: KeyPath, problems: Problem[]): string | undefined {
  if (typeof value === 'string') {
    try {
      const url = new URL(value);
      if (url.protocol === 'http:' || url.protocol === 'https:') return value.replace(/\/+$/, '');
    } catch {
      // reported below
    }
  }
  problems.push({
    path,
    message: `${quoteKey(path)} must be an http:// or https:// URL, not ${describeValue(value)}`,
    at: 'value',
  });
  return undefined;
}

/** An environment variable's name; the value itself is never echoed, in case it is a key. */
function checkEnvName(value: unknown, path: KeyPath, problems: Problem[]): string | undefined {
  if (typeof value === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) return value;
  problems.push({
    path,
    message:
      `${quoteKey(path)} must be the name of an environment variable (such as OPENAI_API_KEY), ` +
      'not the key itself',
    at: 'value',
  });
  return undefined;
}
