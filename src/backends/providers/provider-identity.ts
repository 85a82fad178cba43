import type { BackendIdentity } from '../backend.js';
import type { ModelSettings, ProviderDefinition } from './provider-definition.js';

/**
 * A provider backend's identity: provider, model and base URL, plus `structured_outputs` as the
 * variant when it changes what the backend is asked (a native JSON schema or choice constraint
 * gives other replies than a request in words). Two config backends with equal identities are
 * the same model answering the same requests, so they share cache entries.
 */
export function providerIdentity(
  definition: ProviderDefinition,
  settings: ModelSettings,
): BackendIdentity {
  const identity: BackendIdentity = {
    provider: definition.provider,
    model: settings.model,
    baseUrl: settings.baseUrl,
  };
  const plain = definition.capabilities({ structuredOutputs: false });
  const configured = definition.capabilities(settings);
  if (
    plain.jsonSchema !== configured.jsonSchema ||
    plain.choiceConstraint !== configured.choiceConstraint
  ) {
    identity.variant = 'structured_outputs';
  }
  return identity;
}
