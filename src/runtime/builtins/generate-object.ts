import type { CallContext } from '../call-context.js';
import { InvalidReplyError } from '../errors.js';
import type { GenerateObjectRequest } from '../registry/types.js';
import { validateAgainstSchema } from '../schema-validation.js';
import { parseJsonReply } from './parse-json-reply.js';

/** `generate_object`: a JSON value validated locally against the schema, whatever the backend promises. */
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
      const problems = validateAgainstSchema(value, request.schema);
      if (problems.length > 0) {
        throw new InvalidReplyError(`the reply does not match the schema: ${problems.join('; ')}`);
      }
      return value;
    },
  });
}
