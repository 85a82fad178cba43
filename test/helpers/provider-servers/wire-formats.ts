import type { IncomingHttpHeaders } from 'node:http';
import type { RemoteProviderName } from '../../../src/backends/provider-name.js';

/**
 * How each provider speaks over HTTP, as the real services do: request path, where the key goes,
 * and the JSON of answers and errors. Tests build replies from these and read requests with them.
 */
export interface WireFormat {
  provider: RemoteProviderName;
  model: string;
  /** Appended to the server's URL to make `base_url`. */
  basePath: string;
  /** The path a generate request must hit. */
  requestPath: string;
  apiKeyEnv: string;
  /** The API key as the request carried it, or undefined. */
  keyOf(headers: IncomingHttpHeaders): string | undefined;
  /** A successful answer with this text. */
  answer(text: string): object;
  /** An answer with this text, stopped by the token limit (each provider's own words for it). */
  truncated(text: string): object;
  /** An error body as the provider sends it. */
  error(message: string): object;
  /** A 200 body of the wrong shape (no choices / no content / no candidates). */
  malformed(): object;
  /** A 200 body whose reply has no text at all (null content, a blocked candidate). */
  noText(): object;
  /** A 200 body with a genuinely empty reply. */
  emptyText(): object;
  /** The user text of the request's only message. */
  userText(body: unknown): unknown;
}

const openaiChat = (provider: 'openai' | 'openai-compatible', apiKeyEnv: string): WireFormat => ({
  provider,
  model: 'test-model',
  basePath: '/v1',
  requestPath: '/v1/chat/completions',
  apiKeyEnv,
  keyOf: (headers) => headers.authorization?.replace(/^Bearer /, ''),
  answer: (text) => chatCompletion(text),
  truncated: (text) => chatCompletion(text, 'length'),
  error: (message) => ({
    error: { message, type: 'invalid_request_error', param: null, code: null },
  }),
  malformed: () => ({
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'test-model',
    choices: [],
  }),
  noText: () => chatCompletion(null),
  emptyText: () => chatCompletion(''),
  userText: (body) => (body as { messages: { content: unknown }[] }).messages[0]?.content,
});

function chatCompletion(content: string | null, finishReason = 'stop'): object {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'test-model',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finishReason }],
    usage: { prompt_tokens: 11, completion_tokens: 3, total_tokens: 14 },
  };
}

function anthropicMessage(content: object[], stopReason: string): object {
  return {
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    model: 'claude-sonnet-4-5',
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage: { input_tokens: 11, output_tokens: 3 },
  };
}

function geminiAnswer(parts: object[], finishReason: string): object {
  return {
    candidates: [{ content: { parts, role: 'model' }, finishReason, index: 0 }],
    usageMetadata: { promptTokenCount: 11, candidatesTokenCount: 3, totalTokenCount: 14 },
  };
}

/** The tokens every answer of these servers reports, each in its provider's own words. */
export const WIRE_USAGE = { inputTokens: 11, outputTokens: 3 } as const;

/** The four providers' wire formats. */
export const wireFormats: readonly WireFormat[] = [
  openaiChat('openai-compatible', 'LOCAL_LLM_KEY'),
  openaiChat('openai', 'OPENAI_API_KEY'),
  {
    provider: 'anthropic',
    // A model the SDK knows to take sampling arguments (newer ones reject temperature).
    model: 'claude-sonnet-4-5',
    basePath: '/v1',
    requestPath: '/v1/messages',
    apiKeyEnv: 'ANTHROPIC_API_KEY',
    keyOf: (headers) => headers['x-api-key'] as string | undefined,
    answer: (text) => anthropicMessage([{ type: 'text', text }], 'end_turn'),
    truncated: (text) => anthropicMessage([{ type: 'text', text }], 'max_tokens'),
    error: (message) => ({ type: 'error', error: { type: 'api_error', message } }),
    malformed: () => ({ id: 'msg_1', type: 'message', role: 'assistant' }),
    noText: () => anthropicMessage([], 'refusal'),
    emptyText: () => anthropicMessage([], 'end_turn'),
    userText: (body) =>
      (body as { messages: { content: { text: string }[] }[] }).messages[0]?.content[0]?.text,
  },
  {
    provider: 'google',
    model: 'gemini-test',
    basePath: '/v1beta',
    requestPath: '/v1beta/models/gemini-test:generateContent',
    apiKeyEnv: 'GEMINI_API_KEY',
    keyOf: (headers) => headers['x-goog-api-key'] as string | undefined,
    answer: (text) => geminiAnswer([{ text }], 'STOP'),
    truncated: (text) => geminiAnswer([{ text }], 'MAX_TOKENS'),
    error: (message) => ({ error: { code: 400, message, status: 'INVALID_ARGUMENT' } }),
    malformed: () => ({ candidates: [] }),
    noText: () => geminiAnswer([], 'SAFETY'),
    emptyText: () => geminiAnswer([{ text: '' }], 'STOP'),
    userText: (body) =>
      (body as { contents: { parts: { text: string }[] }[] }).contents[0]?.parts[0]?.text,
  },
];
