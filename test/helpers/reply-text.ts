import type { BackendReply } from '../../src/backends/backend.js';

/** The text of a backend's reply, whether it came plain or with its finish reason and usage. */
export function textOf(reply: BackendReply): string {
  return typeof reply === 'string' ? reply : reply.text;
}
