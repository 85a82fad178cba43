import { InvalidReplyError } from '../errors.js';

/**
 * Parses a model's JSON reply. Models often wrap JSON in a Markdown fence even when asked not
 * to, so one fenced block is unwrapped; anything else that is not JSON is an error.
 */
export function parseJsonReply(reply: string): unknown {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/.exec(reply);
  const text = fenced ? fenced[1]! : reply;
  try {
    return JSON.parse(text);
  } catch {
    const excerpt = reply.length > 80 ? `${reply.slice(0, 80)}…` : reply;
    throw new InvalidReplyError(`the reply is not JSON: ${JSON.stringify(excerpt)}`, reply);
  }
}
