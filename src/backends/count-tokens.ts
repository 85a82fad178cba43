import { createRequire } from 'node:module';
import type { Message } from './backend.js';

/** Counts the tokens of a text. */
export type TokenCounter = (text: string) => number;

/** gpt-tokenizer's module with GPT-4's encoding, built at run time so that no bundler follows it. */
const ENCODING = ['gpt-tokenizer', 'encoding', 'cl100k_base'].join('/');

const require = createRequire(import.meta.url);

let counter: TokenCounter | null | undefined;
let available: boolean | undefined;

/**
 * True when gpt-tokenizer can be found, without loading it: the specifier is not a literal, so
 * `ot compile --bundle` leaves the table out, and a bundle run where gpt-tokenizer is not
 * installed counts nothing.
 */
export function tokenCounterAvailable(): boolean {
  if (available === undefined) {
    try {
      require.resolve(ENCODING);
      available = true;
    } catch {
      available = false;
    }
  }
  return available;
}

/**
 * gpt-tokenizer's `cl100k_base` counter (GPT-4's encoding), loaded synchronously on first use:
 * its table is a megabyte of JavaScript (about 0.3 s of CPU), which a run that reads no usage
 * should not parse. Null when it cannot be loaded.
 */
export function tokenCounter(): TokenCounter | null {
  if (counter === undefined) {
    try {
      const encoding = require(ENCODING) as typeof import('gpt-tokenizer/encoding/cl100k_base');
      counter = (text: string) => encoding.countTokens(text);
    } catch {
      counter = null;
    }
  }
  return counter;
}

/**
 * The same counter, for callers that wait anyway (`ot plan --estimate`). The fake backend's
 * usage and `ot plan --estimate` count with it; real providers report their own counts.
 */
export function loadTokenCounter(): Promise<TokenCounter | null> {
  return Promise.resolve().then(tokenCounter);
}

/** The input tokens of a request: its prompt's, or its messages' contents' added up (roles not counted). */
export function inputTokens(
  count: TokenCounter,
  request: { prompt: string | null; messages: readonly Pick<Message, 'content'>[] | null },
): number {
  if (request.prompt !== null) return count(request.prompt);
  return (request.messages ?? []).reduce((sum, message) => sum + count(message.content), 0);
}
