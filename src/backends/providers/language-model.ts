import type { createOpenAICompatible } from '@ai-sdk/openai-compatible';

// The AI SDK's model interface (LanguageModelV3) lives in @ai-sdk/provider, which is not one of
// our direct dependencies; every provider package returns the same type, so we name it from one.

/** A provider model of the AI SDK, called through `doGenerate` (no SDK retries). */
export type LanguageModel = ReturnType<ReturnType<typeof createOpenAICompatible>['chatModel']>;

/** What `doGenerate` takes. */
export type CallOptions = Parameters<LanguageModel['doGenerate']>[0];

/** What `doGenerate` resolves to. */
export type GenerateResult = Awaited<ReturnType<LanguageModel['doGenerate']>>;

/** The AI SDK's prompt: a list of system, user and assistant messages. */
export type ModelPrompt = CallOptions['prompt'];

/** The JSON Schema type the SDK accepts in `responseFormat`. */
export type SdkJsonSchema = NonNullable<
  Extract<NonNullable<CallOptions['responseFormat']>, { type: 'json' }>['schema']
>;

/** Per-provider options passed through to the request body. */
export type ProviderOptions = NonNullable<CallOptions['providerOptions']>;

/** What `doStream` resolves to: a stream of parts (text deltas, the finish, errors). */
export type StreamResult = Awaited<ReturnType<LanguageModel['doStream']>>;

/** One part of a `doStream` stream. */
export type StreamPart = StreamResult['stream'] extends ReadableStream<infer P> ? P : never;
