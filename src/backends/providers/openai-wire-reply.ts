import type { TokenUsage } from '../backend.js';

/** What the runtime takes from one OpenAI-style reply (see provider-backend.ts `finished`). */
export interface WireReply {
  /** The reply's text parts joined; null when it has none (an error unless `emptyText`). */
  text: string | null;
  /** True when the reply's text is present and empty (`content: ""`, `text: ""`). */
  emptyText: boolean;
  /** The finish reason as the server wrote it; null when it wrote none. */
  finishReason: string | null;
  usage: TokenUsage | undefined;
}

/** A body of the wrong shape: which field is wrong. */
export interface WrongShape {
  wrongField: string;
}

type Json = Record<string, unknown>;

/**
 * Reads a `/chat/completions` reply, checking by hand what the AI SDK's response schema checks
 * (OpenAICompatibleChatResponseSchema), so that the same bodies are accepted and refused. The
 * text is what the SDK makes its text parts of: the content (a string, or the text parts of a
 * list), then a refusal; reasoning is not text. Usage counts a missing count as 0, like the SDK.
 * Returns null for a body without choices.
 */
export function readChatReply(body: unknown): WireReply | WrongShape | null {
  const wrong = wrongChatField(body);
  if (wrong !== null) return { wrongField: wrong };
  const reply = body as Json;
  const choice = (reply.choices as Json[])[0];
  if (choice === undefined) return null;
  const message = choice.message as Json;
  const parts: string[] = [];
  const content = message.content;
  if (typeof content === 'string') {
    if (content.length > 0) parts.push(content);
  } else if (Array.isArray(content)) {
    for (const part of content as Json[]) {
      if (part.type === 'text' && typeof part.text === 'string' && part.text.length > 0) {
        parts.push(part.text);
      }
    }
  }
  const refusal = message.refusal;
  if (typeof refusal === 'string' && refusal.length > 0) parts.push(refusal);
  return {
    text: parts.length === 0 ? null : parts.join(''),
    emptyText: content === '',
    finishReason: (choice.finish_reason as string | null | undefined) ?? null,
    usage: usageOf(reply.usage),
  };
}

/**
 * Reads a `/completions` reply, checking what the SDK's completion response schema checks (each
 * choice has a string `text` and `finish_reason`; usage, when there, has all three counts).
 */
export function readCompletionReply(body: unknown): WireReply | WrongShape | null {
  const wrong = wrongCompletionField(body);
  if (wrong !== null) return { wrongField: wrong };
  const reply = body as Json;
  const choice = (reply.choices as Json[])[0];
  if (choice === undefined) return null;
  const text = choice.text as string;
  return {
    text: text.length > 0 ? text : null,
    emptyText: text === '',
    finishReason: choice.finish_reason as string,
    usage: usageOf(reply.usage),
  };
}

function usageOf(usage: unknown): TokenUsage | undefined {
  if (usage === null || usage === undefined) return undefined;
  const counts = usage as Json;
  return {
    inputTokens: (counts.prompt_tokens as number | null | undefined) ?? 0,
    outputTokens: (counts.completion_tokens as number | null | undefined) ?? 0,
  };
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isNullish = (value: unknown): boolean => value === null || value === undefined;
const stringOrNullish = (value: unknown): boolean => isNullish(value) || typeof value === 'string';
const numberOrNullish = (value: unknown): boolean => isNullish(value) || typeof value === 'number';

/** The first field that breaks the chat reply schema, or null. */
function wrongChatField(body: unknown): string | null {
  const top = wrongTopField(body);
  if (top !== null) return top;
  const reply = body as Json;
  const choices = reply.choices as unknown[];
  for (let i = 0; i < choices.length; i++) {
    const at = `choices[${i}]`;
    const choice = choices[i];
    if (!isObject(choice)) return `${at} is not an object`;
    const message = choice.message;
    if (!isObject(message)) return `${at}.message is not an object`;
    if (!isNullish(message.role) && message.role !== 'assistant') {
      return `${at}.message.role is not "assistant"`;
    }
    const content = message.content;
    if (!stringOrNullish(content)) {
      if (!Array.isArray(content)) return `${at}.message.content is not a string or a list`;
      for (let j = 0; j < content.length; j++) {
        const part: unknown = content[j];
        if (!isObject(part) || typeof part.type !== 'string') {
          return `${at}.message.content[${j}] has no type`;
        }
      }
    }
    for (const key of ['reasoning_content', 'reasoning']) {
      if (!stringOrNullish(message[key])) return `${at}.message.${key} is not a string`;
    }
    const toolCalls = wrongToolCalls(message.tool_calls);
    if (toolCalls !== null) return `${at}.message.tool_calls${toolCalls}`;
    if (!stringOrNullish(choice.finish_reason)) return `${at}.finish_reason is not a string`;
  }
  const usage = reply.usage;
  if (isNullish(usage)) return null;
  if (!isObject(usage)) return 'usage is not an object';
  for (const key of ['prompt_tokens', 'completion_tokens', 'total_tokens']) {
    if (!numberOrNullish(usage[key])) return `usage.${key} is not a number`;
  }
  const details: [string, string[]][] = [
    ['prompt_tokens_details', ['cached_tokens']],
    [
      'completion_tokens_details',
      ['reasoning_tokens', 'accepted_prediction_tokens', 'rejected_prediction_tokens'],
    ],
  ];
  for (const [name, counts] of details) {
    const detail = usage[name];
    if (isNullish(detail)) continue;
    if (!isObject(detail)) return `usage.${name} is not an object`;
    for (const key of counts) {
      if (!numberOrNullish(detail[key])) return `usage.${name}.${key} is not a number`;
    }
  }
  return null;
}

function wrongToolCalls(toolCalls: unknown): string | null {
  if (isNullish(toolCalls)) return null;
  if (!Array.isArray(toolCalls)) return ' is not a list';
  for (let i = 0; i < toolCalls.length; i++) {
    const call: unknown = toolCalls[i];
    const at = `[${i}]`;
    if (!isObject(call)) return `${at} is not an object`;
    if (!stringOrNullish(call.id)) return `${at}.id is not a string`;
    const fn = call.function;
    if (!isObject(fn) || typeof fn.name !== 'string' || typeof fn.arguments !== 'string') {
      return `${at}.function has no string name and arguments`;
    }
    const extra = call.extra_content;
    if (isNullish(extra)) continue;
    if (!isObject(extra)) return `${at}.extra_content is not an object`;
    const google = extra.google;
    if (isNullish(google)) continue;
    if (!isObject(google) || !stringOrNullish(google.thought_signature)) {
      return `${at}.extra_content.google is not an object with a string thought_signature`;
    }
  }
  return null;
}

/** The first field that breaks the completion reply schema, or null. */
function wrongCompletionField(body: unknown): string | null {
  const top = wrongTopField(body);
  if (top !== null) return top;
  const reply = body as Json;
  const choices = reply.choices as unknown[];
  for (let i = 0; i < choices.length; i++) {
    const choice = choices[i];
    if (!isObject(choice)) return `choices[${i}] is not an object`;
    if (typeof choice.text !== 'string') return `choices[${i}].text is not a string`;
    if (typeof choice.finish_reason !== 'string') {
      return `choices[${i}].finish_reason is not a string`;
    }
  }
  const usage = reply.usage;
  if (isNullish(usage)) return null;
  if (!isObject(usage)) return 'usage is not an object';
  for (const key of ['prompt_tokens', 'completion_tokens', 'total_tokens']) {
    if (typeof usage[key] !== 'number') return `usage.${key} is not a number`;
  }
  return null;
}

/** What both schemas ask of the top level: an object with a list of choices. */
function wrongTopField(body: unknown): string | null {
  if (!isObject(body)) return 'the body is not an object';
  if (!stringOrNullish(body.id)) return 'id is not a string';
  if (!numberOrNullish(body.created)) return 'created is not a number';
  if (!stringOrNullish(body.model)) return 'model is not a string';
  if (!Array.isArray(body.choices)) return 'choices is not a list';
  return null;
}
