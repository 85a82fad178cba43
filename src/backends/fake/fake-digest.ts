import { createHash } from 'node:crypto';
import { canonicalJson } from '../../cache/canonical-json.js';
import type { FakeBackendSpec } from './fake-spec.js';

/**
 * The sha256 (hex) of what decides a fake backend's replies: its rules and its default. It is
 * the fake's identity variant, so two fake files never share cache entries and editing a file
 * invalidates exactly its own entries. The latency and the model label change no reply.
 */
export function fakeDigest(spec: FakeBackendSpec): string {
  const material = { replies: spec.replies ?? [], default: spec.default ?? null };
  return createHash('sha256').update(canonicalJson(material)).digest('hex');
}
