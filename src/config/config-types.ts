import type { GenerationArgs, TokenPrice, TruncationPolicy } from '../backends/backend.js';
import type { RemoteProviderName } from '../backends/provider-name.js';
import type { BackendMode } from '../backends/providers/completion-mode.js';
import type { Span } from '../source/span.js';

/** A validated `ot.config.yaml`: plain data, paths absolute. */
export interface OtConfig {
  /** The config file's absolute path; diagnostics about backends point into it. */
  path: string;
  backends: Record<string, BackendConfig>;
  /** The backend a flow uses when neither `--backend` nor front matter names one. */
  defaultBackend: string | null;
  /** `cache:`; null when the config does not say. */
  cache: CacheSetting | null;
  /**
   * `include_roots:`, absolute: directories besides the project root (the config file's
   * directory) that `include` and `flow()` may read.
   */
  includeRoots: string[];
  /** `allow_dynamic_paths:`: an `include`/`flow()` path may be computed (from inputs, variables). */
  allowDynamicPaths: boolean;
}

/** One entry of `backends:`. */
export type BackendConfig = RemoteBackendConfig | FakeBackendConfig;

/** Settings every backend has. */
interface BackendConfigBase {
  name: string;
  /** Most calls in flight at once (default 32). */
  concurrency: number;
  /** Default keyword arguments, below a flow's front matter `defaults`. */
  defaults: GenerationArgs;
  /** `on_truncation`: a reply cut off at the token limit warns (default) or fails the call. */
  onTruncation: TruncationPolicy;
  /** `price: {input, output}` in USD per million tokens; absent when the config gives none. */
  price?: TokenPrice;
  /** The backend's key in the config file. */
  span: Span;
}

/** A backend reached over HTTP. */
export interface RemoteBackendConfig extends BackendConfigBase {
  provider: RemoteProviderName;
  model: string;
  /** Without a trailing slash; null means the provider's default address. */
  baseUrl: string | null;
  /** The environment variable holding the API key; null means the provider's default. */
  apiKeyEnv: string | null;
  /** openai-compatible: the server takes `response_format: json_schema` (default false). */
  structuredOutputs: boolean;
  /** `mode`: chat messages (default) or raw text completion (openai-compatible, openai only). */
  mode: BackendMode;
  /** Retries after the first attempt (default 2). */
  maxRetries: number;
  /** Limit of one attempt in milliseconds (default 600 000). */
  timeoutMs: number;
  /** Longest wait for the next piece of a streamed reply, in milliseconds (default 60 000). */
  streamIdleMs: number;
  /** Requests per minute sent at most; null for no limit. */
  rpm: number | null;
  /** Tokens per minute (estimated prompt plus output) sent at most; null for no limit. */
  tpm: number | null;
}

/** A fake backend whose replies come from a file. */
export interface FakeBackendConfig extends BackendConfigBase {
  provider: 'fake';
  /** The fake-backend file, absolute (written relative to the config file). */
  file: string;
}

/** Where calls are cached: nowhere, a directory (absolute), or a redis server shared by a team. */
export type CacheSetting =
  { kind: 'off' } | { kind: 'directory'; path: string } | { kind: 'redis'; url: string };
