export type {
  Backend,
  BackendCapabilities,
  BackendIdentity,
  BackendReply,
  CompletionRequest,
  FinishReason,
  GenerationArgs,
  Message,
  ReplyWithFinish,
  TokenPrice,
  TokenUsage,
  TruncationPolicy,
} from './backend.js';
export { BackendError } from './backend-error.js';
export { abortableSleep, type Sleep } from './abortable-sleep.js';
export {
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  MAX_RETRY_AFTER_MS,
  backoffDelayMs,
  isRetryableStatus,
  parseRetryAfter,
  withRetries,
  type RetryOptions,
} from './retry.js';
export {
  isProviderName,
  providerNames,
  type ProviderName,
  type RemoteProviderName,
} from './provider-name.js';
export type { FakeBackendSpec, FakeReply, FakeRule } from './fake/fake-spec.js';
export {
  createFakeBackend,
  fakeCapabilities,
  type FakeBackendOptions,
} from './fake/fake-backend.js';
export { loadFakeSpec, parseFakeSpec } from './fake/load-fake-spec.js';
export { matchText } from './fake/matcher.js';
export {
  createProviderBackend,
  providerDefinitions,
  type ModelSettings,
  type ProviderBackendOptions,
  type ProviderDefinition,
} from './providers/index.js';
