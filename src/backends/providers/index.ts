import type { RemoteProviderName } from '../provider-name.js';
import { anthropicProvider } from './anthropic.js';
import { googleProvider } from './google.js';
import { openaiProvider } from './openai.js';
import { openaiCompatibleProvider } from './openai-compatible.js';
import type { ProviderDefinition } from './provider-definition.js';

/** Every provider reached over HTTP, by its config name. */
export const providerDefinitions: Readonly<Record<RemoteProviderName, ProviderDefinition>> = {
  'openai-compatible': openaiCompatibleProvider,
  openai: openaiProvider,
  anthropic: anthropicProvider,
  google: googleProvider,
};

export type { ModelSettings, ProviderDefinition } from './provider-definition.js';
export { createProviderBackend, type ProviderBackendOptions } from './provider-backend.js';
