import type { KeyvOptions } from 'keyv';

/**
 * How every keyv instance that `openCache` creates is configured.
 *
 * - Plain JSON (de)serialization: cached values are JSON by construction, and keyv's default
 *   serializer rewrites strings that start with `:` and revives `:base64:` strings as Buffers.
 * - Keys are used as given (they already carry the `ot1:` version prefix); a store that wants
 *   a namespace (redis) gets one of its own.
 * - `throwOnErrors`: keyv otherwise swallows read errors without a word; the CallCache turns
 *   what is thrown into warnings.
 */
export const keyvOptions = {
  serialize: JSON.stringify,
  deserialize: JSON.parse,
  useKeyPrefix: false,
  throwOnErrors: true,
} satisfies Omit<KeyvOptions, 'store'>;
