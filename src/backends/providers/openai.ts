import type { ProviderDefinition } from './provider-definition.js';
import { pick } from './raw-body.js';

/**
 * OpenAI's chat completions API (not the Responses API, which has no `stop` or `seed`), with
 * native structured outputs.
 */
export const openaiProvider: ProviderDefinition = {
  provider: 'openai',
  defaultBaseUrl: 'https://api.openai.com/v1',
  defaultApiKeyEnv: 'OPENAI_API_KEY',
  capabilities: () => ({
    textCompletion: false,
    chat: true,
    supportedArgs: ['temperature', 'max_tokens', 'stop', 'top_p', 'seed'],
    jsonSchema: true,
    choiceConstraint: true,
  }),
  async loadModel(settings) {
    const { createOpenAI } = await import('@ai-sdk/openai');
    return createOpenAI({
      baseURL: settings.baseUrl,
      apiKey: settings.apiKey ?? undefined,
    }).chat(settings.model);
  },
  async loadCompletionModel(settings, fetch) {
    const { createOpenAI } = await import('@ai-sdk/openai');
    return createOpenAI({
      baseURL: settings.baseUrl,
      apiKey: settings.apiKey ?? undefined,
      fetch,
    }).completion(settings.model);
  },
  providerOptions: (_args, strictSchema) => ({ openai: { strictJsonSchema: strictSchema } }),
  hasEmptyReply: (body) =>
    pick(body, 'choices', 0, 'message', 'content') === '' ||
    pick(body, 'choices', 0, 'text') === '',
};
