import type { Sleep } from '../backends/abortable-sleep.js';
import type { Backend } from '../backends/backend.js';
import { createFakeBackend } from '../backends/fake/fake-backend.js';
import { loadFakeSpec } from '../backends/fake/load-fake-spec.js';
import { createProviderBackend, providerDefinitions } from '../backends/providers/index.js';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import { OtError } from '../diagnostics/ot-error.js';
import type { Span } from '../source/span.js';
import type { BackendConfig, OtConfig } from './config-types.js';

/** Test seams: real backoff sleeps and jitter unless replaced. */
export interface CreateBackendOptions {
  sleep?: Sleep;
  random?: () => number;
  /** False: every call through the AI SDK (see ProviderBackendOptions.directRequests). */
  directRequests?: boolean;
}

/**
 * Creates the backend `name` of a config. The API key is read here, from the variable named by
 * `api_key_env` (or the provider's default variable), so a missing key fails before any request;
 * the error names the variable, and keys are never read from anywhere else.
 */
export function createBackend(
  name: string,
  config: OtConfig,
  env: Readonly<Record<string, string | undefined>> = process.env,
  options: CreateBackendOptions = {},
): Backend {
  const entry = Object.hasOwn(config.backends, name) ? config.backends[name] : undefined;
  if (!entry) {
    const names = Object.keys(config.backends);
    throw configError(
      config.path,
      { start: 0, end: 0 },
      `no backend named \`${name}\` in the config` +
        (names.length > 0 ? ` (defined: ${names.join(', ')})` : ' (it defines no backends)'),
    );
  }
  if (entry.provider === 'fake') {
    const fake = createFakeBackend(loadFakeSpec(entry.file), name, {
      concurrency: entry.concurrency,
      defaults: entry.defaults,
      ...(options.sleep ? { sleep: options.sleep } : {}),
    });
    return { ...fake, onTruncation: entry.onTruncation, ...priceOf(entry) };
  }
  const definition = providerDefinitions[entry.provider];
  const apiKeyEnv = entry.apiKeyEnv ?? definition.defaultApiKeyEnv;
  let apiKey: string | null = null;
  if (apiKeyEnv !== null) {
    apiKey = env[apiKeyEnv] ?? '';
    if (apiKey === '') {
      const advice =
        entry.apiKeyEnv === null ? '; set it, or name another variable with `api_key_env`' : '';
      throw configError(
        config.path,
        entry.span,
        `backend \`${name}\` needs an API key in the environment variable ${apiKeyEnv}, which is not set${advice}`,
      );
    }
  }
  const baseUrl = entry.baseUrl ?? definition.defaultBaseUrl;
  if (baseUrl === null) {
    // The loader requires base_url for such providers; a hand-made config may still lack it.
    throw configError(config.path, entry.span, `backend \`${name}\` needs \`base_url\``);
  }
  const provider = createProviderBackend({
    name,
    definition,
    settings: {
      model: entry.model,
      baseUrl,
      apiKey,
      structuredOutputs: entry.structuredOutputs,
      mode: entry.mode,
    },
    apiKeyEnv,
    concurrency: entry.concurrency,
    rateLimits: { rpm: entry.rpm, tpm: entry.tpm },
    defaults: entry.defaults,
    streamIdleMs: entry.streamIdleMs,
    ...(options.directRequests === undefined ? {} : { directRequests: options.directRequests }),
    retry: {
      maxRetries: entry.maxRetries,
      timeoutMs: entry.timeoutMs,
      ...(options.sleep ? { sleep: options.sleep } : {}),
      ...(options.random ? { random: options.random } : {}),
    },
  });
  return { ...provider, onTruncation: entry.onTruncation, ...priceOf(entry) };
}

/** The backend's `price`, when its config gives one. */
function priceOf(entry: BackendConfig): Pick<Backend, 'price'> {
  return entry.price ? { price: entry.price } : {};
}

/** One OT4005 error about a config file. */
export function configError(file: string, span: Span, reason: string): OtError {
  return new OtError([createDiagnostic('OT4005', file, span, { reason })]);
}
