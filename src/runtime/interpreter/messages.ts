import type { Message } from '../../backends/backend.js';
import type { Segment } from './output-buffer.js';

/**
 * Groups a prefix into chat messages (LANGUAGE.md §5–6): consecutive text of one role merges
 * into one message; text outside role blocks is `user`, except that in a template with role
 * blocks, whitespace-only text outside them belongs to no message. Messages come from the
 * template's structure, never from parsing rendered text, so data cannot forge a role.
 */
export function segmentsToMessages(segments: readonly Segment[], hasRoles: boolean): Message[] {
  const messages: Message[] = [];
  for (const segment of segments) {
    if (segment.role === null && hasRoles && segment.text.trim() === '') continue;
    const role = segment.role ?? 'user';
    const last = messages[messages.length - 1];
    if (last && last.role === role) last.content += segment.text;
    else messages.push({ role, content: segment.text });
  }
  return messages;
}
