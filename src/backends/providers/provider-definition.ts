import type { BackendCapabilities, GenerationArgs } from '../backend.js';
import type { RemoteProviderName } from '../provider-name.js';
import type { BackendMode } from './completion-mode.js';
import type { LanguageModel, ProviderOptions } from './language-model.js';

/** What a provider model is built from; the API key is already read from the environment. */
export interface ModelSettings {
  model: string;
  baseUrl: string;
  apiKey: string | null;
  /** openai-compatible only: the server supports `response_format: json_schema`. */
  structuredOutputs: boolean;
  /** openai-compatible and openai: `chat` (the default) or raw `completion` (config `mode`). */
  mode: BackendMode;
}

/** One provider (openai-compatible, openai, anthropic, google): one file each, listed in index.ts. */
export interface ProviderDefinition {
  provider: RemoteProviderName;
  /** Where requests go without `base_url`; null when `base_url` is required. */
  defaultBaseUrl: string | null;
  /** The environment variable holding the key without `api_key_env`; null when none is needed. */
  defaultApiKeyEnv: string | null;
  capabilities(settings: Pick<ModelSettings, 'structuredOutputs'>): BackendCapabilities;
  /** Imported lazily, so a run on the fake backend never loads the AI SDK. */
  loadModel(settings: ModelSettings): Promise<LanguageModel>;
  /**
   * The SDK's completion model (`/v1/completions`) sending through `fetch`; null when the
   * provider has no completion mode.
   */
  loadCompletionModel:
    ((settings: ModelSettings, fetch: typeof globalThis.fetch) => Promise<LanguageModel>) | null;
  /**
   * Provider options for one call: arguments the SDK has no setting for, and whether a JSON
   * schema is enforced strictly (only our own choice schema is written to pass strict mode).
   */
  providerOptions(args: GenerationArgs, strictSchema: boolean): ProviderOptions;
  /**
   * True when a raw success body holds a reply whose text is empty (the SDK drops empty text
   * parts), so that an empty reply is told apart from a response with no reply at all.
   */
  hasEmptyReply(rawBody: unknown): boolean;
}
