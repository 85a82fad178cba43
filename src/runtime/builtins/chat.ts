import type { Message } from '../../backends/backend.js';
import type { CallContext } from '../call-context.js';
import type { ChatRequest } from '../registry/types.js';

/**
 * `chat`: sent as messages to a backend that chats; a backend that only completes text gets the
 * messages through `formatChatPrompt` (the documented formatter) instead, and stops at the next
 * role marker (`roleMarkerStops`), so its reply never runs on into a turn it made up.
 */
export function chat(request: ChatRequest, context: CallContext): Promise<string> {
  const chats = context.backend.capabilities.chat;
  const args = chats
    ? request.options
    : { ...request.options, stop: [...(request.options.stop ?? []), ...roleMarkerStops] };
  return context.complete({
    builtin: 'chat',
    prompt: chats ? null : formatChatPrompt(request.messages),
    messages: chats ? request.messages : null,
    args,
    info: request.info,
    finish: (reply) => reply,
  });
}

/** Where a reply to a formatted chat ends: the start of another turn of the formatter. */
export const roleMarkerStops: readonly string[] = ['\nuser:', '\nassistant:', '\nsystem:'];

/**
 * The chat formatter for text-only backends: each message as `role: content`, separated by a
 * blank line, ending with `assistant:` for the reply (or with the partial assistant message
 * when the last message is the assistant's).
 */
export function formatChatPrompt(messages: readonly Message[]): string {
  const last = messages[messages.length - 1];
  const turns = messages.map((message) => `${message.role}: ${message.content}`);
  if (last?.role === 'assistant') return turns.join('\n\n');
  return [...turns, 'assistant:'].join('\n\n');
}
