import type { Message } from '../../backends/backend.js';
import type { Segment } from './output-buffer.js';

/**
 * Groups a prefix into chat messages (LANGUAGE.md §5–6): consecutive text of one role merges
 * into one message; text outside role blocks is `user`, except that in a template with role
 * blocks, a stretch of text between them that is only whitespace belongs to no message. The
 * stretch is the whole text between two role blocks, however it happens to be split into
 * segments, so "Last: {{ a }} {{ b }}" keeps its space. Messages come from the template's
 * structure, never from parsing rendered text, so data cannot forge a role.
 */
export function segmentsToMessages(segments: readonly Segment[], hasRoles: boolean): Message[] {
  const messages: Message[] = [];
  const add = (role: Message['role'], text: string) => {
    const last = messages[messages.length - 1];
    if (last && last.role === role) last.content += text;
    else messages.push({ role, content: text });
  };
  let outside = '';
  const flushOutside = () => {
    if (outside !== '' && !(hasRoles && outside.trim() === '')) add('user', outside);
    outside = '';
  };
  for (const segment of segments) {
    // An empty reply is a segment only to mark where a call was.
    if (segment.text === '') continue;
    if (segment.role === null) {
      outside += segment.text;
      continue;
    }
    flushOutside();
    add(segment.role, segment.text);
  }
  flushOutside();
  return messages;
}
