import type { Message } from './backend.js';

/** Counts the tokens of a text. */
export type TokenCounter = (text: string) => number;

let loading: Promise<TokenCounter> | null = null;

/**
 * gpt-tokenizer's `cl100k_base` counter (GPT-4's encoding), loaded on first use: its table is
 * a megabyte of JavaScript, which a run that counts nothing should not parse. The fake backend's
 * usage and `ot plan --estimate` count with it; real providers report their own counts.
 */
export function loadTokenCounter(): Promise<TokenCounter> {
  loading ??= import('gpt-tokenizer/encoding/cl100k_base').then(
    (encoding) => (text: string) => encoding.countTokens(text),
  );
  return loading;
}

/** The input tokens of a request: its prompt's, or its messages' contents' added up (roles not counted). */
export function inputTokens(
  count: TokenCounter,
  request: { prompt: string | null; messages: readonly Message[] | null },
): number {
  if (request.prompt !== null) return count(request.prompt);
  return (request.messages ?? []).reduce((sum, message) => sum + count(message.content), 0);
}
