import type { GenerationArgs } from '../backend.js';
import type { ProviderDefinition } from './provider-definition.js';
import { pick } from './raw-body.js';

// The name under which the SDK passes unknown provider options straight into the request body.
const OPTIONS_NAME = 'ot';

/**
 * Any server speaking OpenAI's chat completions (vLLM, Ollama, llama.cpp, LM Studio,
 * OpenRouter, Groq, …). `top_k` is not an OpenAI argument but many of these servers take it,
 * so it is passed through as is. JSON schemas are used only when the config says the server
 * supports them (`structured_outputs: true`).
 */
export const openaiCompatibleProvider: ProviderDefinition = {
  provider: 'openai-compatible',
  defaultBaseUrl: null,
  defaultApiKeyEnv: null,
  capabilities: ({ structuredOutputs }) => ({
    textCompletion: false,
    chat: true,
    supportedArgs: ['temperature', 'max_tokens', 'stop', 'top_p', 'top_k', 'seed'],
    jsonSchema: structuredOutputs,
    choiceConstraint: structuredOutputs,
  }),
  async loadModel(settings) {
    const { createOpenAICompatible } = await import('@ai-sdk/openai-compatible');
    return createOpenAICompatible({
      name: OPTIONS_NAME,
      baseURL: settings.baseUrl,
      apiKey: settings.apiKey ?? undefined,
      supportsStructuredOutputs: settings.structuredOutputs,
      // Streamed replies report their tokens only when asked (`stream_options`).
      includeUsage: true,
    }).chatModel(settings.model);
  },
  async loadCompletionModel(settings, fetch) {
    const { createOpenAICompatible } = await import('@ai-sdk/openai-compatible');
    return createOpenAICompatible({
      name: OPTIONS_NAME,
      baseURL: settings.baseUrl,
      apiKey: settings.apiKey ?? undefined,
      fetch,
      includeUsage: true,
    }).completionModel(settings.model);
  },
  providerOptions: (args: GenerationArgs, strictSchema) => ({
    [OPTIONS_NAME]: {
      strictJsonSchema: strictSchema,
      ...(args.top_k === undefined ? {} : { top_k: args.top_k }),
    },
  }),
  hasEmptyReply: (body) =>
    pick(body, 'choices', 0, 'message', 'content') === '' ||
    pick(body, 'choices', 0, 'text') === '',
};
