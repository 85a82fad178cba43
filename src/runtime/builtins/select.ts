import type { CallContext } from '../call-context.js';
import { InvalidReplyError } from '../errors.js';
import type { SelectRequest } from '../registry/types.js';

/**
 * `select`: the option the model picks. Backends with a choice constraint get the options; for
 * the others the reply is matched after trimming and case folding. A reply that is no option is
 * an error (LANGUAGE.md §6), so it is never cached.
 */
export function select(request: SelectRequest, context: CallContext): Promise<string> {
  return context.complete({
    builtin: 'select',
    prompt: request.prompt,
    messages: null,
    args: request.options,
    choices: request.choices,
    extra: { options: request.choices },
    info: request.info,
    finish: (reply) => matchChoice(reply, request.choices),
  });
}

/** The option a reply names, compared after trimming and case folding. */
export function matchChoice(reply: string, choices: readonly string[]): string {
  const wanted = fold(reply);
  const match = choices.find((choice) => fold(choice) === wanted);
  if (match === undefined) {
    throw new InvalidReplyError(
      `the reply ${JSON.stringify(reply.trim())} is not one of the options ${choices.map((c) => JSON.stringify(c)).join(', ')}`,
      reply,
    );
  }
  return match;
}

function fold(text: string): string {
  return text.trim().toLowerCase();
}
