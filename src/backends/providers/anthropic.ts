import type { ProviderDefinition } from './provider-definition.js';
import { pick } from './raw-body.js';

const FINISHED = ['end_turn', 'stop_sequence', 'max_tokens'];

/** Anthropic's Messages API; JSON output through the SDK's structured-output support. */
export const anthropicProvider: ProviderDefinition = {
  provider: 'anthropic',
  defaultBaseUrl: 'https://api.anthropic.com/v1',
  defaultApiKeyEnv: 'ANTHROPIC_API_KEY',
  capabilities: () => ({
    textCompletion: false,
    chat: true,
    supportedArgs: ['temperature', 'max_tokens', 'stop', 'top_p', 'top_k'],
    jsonSchema: true,
    choiceConstraint: true,
  }),
  async loadModel(settings) {
    const { createAnthropic } = await import('@ai-sdk/anthropic');
    return createAnthropic({
      baseURL: settings.baseUrl,
      apiKey: settings.apiKey ?? undefined,
    }).messages(settings.model);
  },
  loadCompletionModel: null,
  providerOptions: () => ({}),
  // A model that stops at once answers with `content: []`.
  hasEmptyReply: (body) => {
    const content = pick(body, 'content');
    return (
      Array.isArray(content) &&
      content.every((block) => pick(block, 'type') === 'text') &&
      FINISHED.includes(String(pick(body, 'stop_reason')))
    );
  },
};
