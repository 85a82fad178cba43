import type { CallContext } from '../call-context.js';
import type { GenerateObjectRequest } from '../registry/types.js';
import { InvalidReplyError } from '../errors.js';
import { parseJsonReply } from './parse-json-reply.js';

/**
 * `generate_object`: a JSON value validated locally against the schema, whatever the backend
 * promises; the validation is the call context's (result-check.ts), shared with replays.
 */
export function generateObject(
  request: GenerateObjectRequest,
  context: CallContext,
): Promise<unknown> {
  return context.complete({
    builtin: 'generate_object',
    prompt: request.prompt,
    messages: null,
    args: request.options,
    responseSchema: request.schema,
    extra: { schema: request.schema },
    info: request.info,
    finish: (reply) => {
      const value = parseJsonReply(reply);
      // A Standard Schema's validator runs before the reply is cached, so no invalid one is.
      const issues = request.validate?.(value) ?? [];
      if (issues.length > 0) {
        throw new InvalidReplyError(
          `the reply does not match the schema: ${issues.join('; ')}`,
          reply,
          issues,
        );
      }
      return value;
    },
  });
}
