import type { BackendIdentity } from '../backend.js';
import { modeCapabilities } from './completion-mode.js';
import type { ModelSettings, ProviderDefinition } from './provider-definition.js';

/**
 * A provider backend's identity: provider, model and base URL, plus `structured_outputs` as the
 * variant when it changes what the backend is asked (a native JSON schema or choice constraint
 * gives other replies than a request in words), or `mode=completion` for a completion-mode
 * backend (a raw prompt gets other replies than the same text sent as a chat message, so the two
 * modes on one model must never share entries). Two config backends with equal identities are
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
  if (settings.mode === 'completion') {
    identity.variant = 'mode=completion';
    return identity;
  }
  const configured = modeCapabilities(definition, settings);
  if (
    plain.jsonSchema !== configured.jsonSchema ||
    plain.choiceConstraint !== configured.choiceConstraint
  ) {
    identity.variant = 'structured_outputs';
  }
  return identity;
}
