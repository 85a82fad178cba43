import * as crypto from 'node:crypto';
import type { BackendIdentity, Message } from '../backends/backend.js';
import { canonicalJson } from './canonical-json.js';

/** Everything that decides a model call's result (LANGUAGE.md §8), and nothing else. */
export interface CallKeyParts {
  /** The builtin's name, e.g. `generate_text`. */
  builtin: string;
  /** Provider, model, base URL and variant; never an API key. */
  backend: BackendIdentity;
  /** Keyword arguments after defaults are filled in. */
  args: Record<string, unknown>;
  /** The prompt of a text call, or null for a chat call. */
  prompt: string | null;
  /** The messages of a chat call, or null for a text call. */
  messages: Message[] | null;
  /** The sample key: `""`, `"1"`, `"1#0"`… */
  sample: string;
  /** What else shapes the reply: the schema of `generate_object`, the options of `select`. */
  extra?: Record<string, unknown>;
}

/**
 * The version of the key recipe. Bump it when the recipe or the meaning of a cached value
 * changes, so old entries are simply never looked up again instead of being misread.
 */
export const CACHE_KEY_VERSION = 'ot1';

/** The cache key of a call: `ot1:` and the sha256 (hex) of the canonical JSON of its parts. */
export function cacheKey(parts: CallKeyParts): string {
  let text: string;
  try {
    text = keyText(parts);
  } catch {
    // Rethrown by the generic form, whose message names the path of what cannot be encoded.
    text = keyTextGeneric(parts);
  }
  const digest = sha256Hex(text);
  return `${CACHE_KEY_VERSION}:${digest}`;
}

/**
 * `canonicalJson(keyMaterial(parts))`, with the fixed outer shape written out in its sorted
 * order instead of sorted at every call (every model call computes a key). The test suite
 * checks that both give the same text.
 */
export function keyText(parts: CallKeyParts): string {
  const { provider, model, baseUrl, variant } = parts.backend;
  const messages = parts.messages === null ? 'null' : canonicalJson(parts.messages.map(messageKey));
  return (
    `{"args":${canonicalJson(parts.args)}` +
    `,"backend":{"baseUrl":${canonicalJson(baseUrl)},"model":${canonicalJson(model)},"provider":${canonicalJson(provider)}` +
    (variant === undefined ? '}' : `,"variant":${canonicalJson(variant)}}`) +
    `,"builtin":${canonicalJson(parts.builtin)}` +
    (parts.extra === undefined ? '' : `,"extra":${canonicalJson(parts.extra)}`) +
    `,"messages":${messages}` +
    `,"prompt":${canonicalJson(parts.prompt)}` +
    `,"sample":${canonicalJson(parts.sample)}}`
  );
}

/** The generic form of `keyText`, kept to check the written-out one against. */
export function keyTextGeneric(parts: CallKeyParts): string {
  return canonicalJson(keyMaterial(parts));
}

/**
 * Copies only the named fields: a backend or message object that carries more (a client, a
 * secret) must not leak it into the key, nor make equal calls differ.
 */
function keyMaterial(parts: CallKeyParts): Record<string, unknown> {
  const { provider, model, baseUrl, variant } = parts.backend;
  return {
    builtin: parts.builtin,
    backend: { provider, model, baseUrl, variant },
    args: parts.args,
    prompt: parts.prompt,
    messages: parts.messages?.map(messageKey) ?? null,
    sample: parts.sample,
    extra: parts.extra,
  };
}

/**
 * A message's part of the key: role and content, and its images by digest (or URL), never by
 * their bytes; a message without images keys as it always did.
 */
function messageKey({ role, content, images }: Message): Record<string, unknown> {
  if (images === undefined || images.length === 0) return { role, content };
  return {
    role,
    content,
    images: images.map((image) =>
      image.kind === 'bytes'
        ? { mediaType: image.mediaType, sha256: image.sha256 }
        : { mediaType: image.mediaType, url: image.url },
    ),
  };
}

/** crypto.hash (Node ≥ 20.12) is a one-shot digest, several times cheaper than createHash. */
const sha256Hex: (text: string) => string =
  typeof (crypto as { hash?: unknown }).hash === 'function'
    ? (text) =>
        (crypto as unknown as { hash(a: string, d: string, e: string): string }).hash(
          'sha256',
          text,
          'hex',
        )
    : (text) => crypto.createHash('sha256').update(text).digest('hex');
