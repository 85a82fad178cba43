import { BackendError } from '../backend-error.js';
import { clip } from '../excerpt.js';
import { CHOICE_KEY } from './call-options.js';
import type { GenerateResult } from './language-model.js';
import type { ProviderDefinition } from './provider-definition.js';
import { pick } from './raw-body.js';

/**
 * The reply text of a generate result. A response without any text (null content, no
 * candidates, only a refusal the SDK could not read) is an error naming the finish reason, unless
 * the raw body shows a genuinely empty reply. With a native choice constraint the model answered
 * `{"choice": …}`: the option is unwrapped, and anything else is returned as is for the runtime
 * to reject.
 */
export function replyText(
  result: GenerateResult,
  definition: ProviderDefinition,
  constrainedToChoices: boolean,
): string {
  const parts = result.content.flatMap((part) => (part.type === 'text' ? [part.text] : []));
  if (parts.length === 0) {
    const reason = result.finishReason.raw ?? result.finishReason.unified;
    return emptyReply(result.response?.body, reason, definition);
  }
  const text = parts.join('');
  return constrainedToChoices ? unwrapChoice(text) : text;
}

/**
 * The reply text of a streamed reply, as `replyText` reads a generated one: a stream that gave
 * no text and did not finish normally (blocked by a safety filter, ended without a finish) is an
 * error naming its finish reason, not an empty reply to cache.
 */
export function streamedReplyText(
  streamed: { text: string; finishReason: GenerateResult['finishReason'] },
  constrainedToChoices: boolean,
): string {
  const { unified, raw } = streamed.finishReason;
  if (streamed.text === '' && unified !== 'stop' && unified !== 'length') {
    throw new BackendError(`the response has no reply text (finish reason: ${raw ?? unified})`);
  }
  return constrainedToChoices ? unwrapChoice(streamed.text) : streamed.text;
}

/**
 * What a response without text parts is: '' when its raw body shows a genuinely empty reply,
 * else an error naming the finish reason and showing the body.
 */
export function emptyReply(body: unknown, reason: string, definition: ProviderDefinition): string {
  if (definition.hasEmptyReply(body)) return '';
  const shown = body === undefined ? '' : `: ${clip(JSON.stringify(body) ?? '')}`;
  throw new BackendError(`the response has no reply text (finish reason: ${reason})${shown}`);
}

/** The option of a `{"choice": …}` reply; anything else as it is, for the runtime to reject. */
export function unwrapChoice(text: string): string {
  try {
    const choice = pick(JSON.parse(text), CHOICE_KEY);
    return typeof choice === 'string' ? choice : text;
  } catch {
    return text;
  }
}
