import type { Message } from './backend.js';

/** Counts the tokens of a text. */
export type TokenCounter = (text: string) => number;

/** gpt-tokenizer's module with GPT-4's encoding, built at run time so that no bundler follows it. */
const ENCODING = ['gpt-tokenizer', 'encoding', 'cl100k_base'].join('/');

let loading: Promise<TokenCounter | null> | null = null;

/**
 * gpt-tokenizer's `cl100k_base` counter (GPT-4's encoding), loaded on first use: its table is
 * a megabyte of JavaScript, which a run that counts nothing should not parse. The fake backend's
 * usage and `ot plan --estimate` count with it; real providers report their own counts. Null
 * when it cannot be loaded: the specifier is not a literal, so `ot compile --bundle` leaves the
 * table out, and a bundle run where gpt-tokenizer is not installed counts nothing.
 */
export function loadTokenCounter(): Promise<TokenCounter | null> {
  loading ??= (
    import(ENCODING) as Promise<typeof import('gpt-tokenizer/encoding/cl100k_base')>
  ).then(
    (encoding) => (text: string) => encoding.countTokens(text),
    () => null,
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
