import type { ProviderDefinition } from './provider-definition.js';
import { pick } from './raw-body.js';

const FINISHED = ['STOP', 'MAX_TOKENS'];

/** Google's Gemini API (`generateContent`), with native response schemas. */
export const googleProvider: ProviderDefinition = {
  provider: 'google',
  defaultBaseUrl: 'https://generativelanguage.googleapis.com/v1beta',
  defaultApiKeyEnv: 'GEMINI_API_KEY',
  capabilities: () => ({
    textCompletion: false,
    chat: true,
    supportedArgs: ['temperature', 'max_tokens', 'stop', 'top_p', 'top_k', 'seed'],
    jsonSchema: true,
    choiceConstraint: true,
  }),
  async loadModel(settings) {
    const { createGoogleGenerativeAI } = await import('@ai-sdk/google');
    return createGoogleGenerativeAI({
      baseURL: settings.baseUrl,
      apiKey: settings.apiKey ?? undefined,
    })(settings.model);
  },
  loadCompletionModel: null,
  providerOptions: () => ({}),
  // A finished candidate whose parts are all empty (or absent) is an empty reply.
  hasEmptyReply: (body) => {
    const parts = pick(body, 'candidates', 0, 'content', 'parts') ?? [];
    return (
      FINISHED.includes(String(pick(body, 'candidates', 0, 'finishReason'))) &&
      Array.isArray(parts) &&
      parts.every((part) => typeof pick(part, 'text') === 'string')
    );
  },
};
