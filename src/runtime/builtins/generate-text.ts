import type { CallContext } from '../call-context.js';
import type { GenerateTextRequest } from '../registry/types.js';

/** `generate_text`: the raw completion of the prompt. */
export function generateText(request: GenerateTextRequest, context: CallContext): Promise<string> {
  return context.complete({
    builtin: 'generate_text',
    prompt: request.prompt,
    messages: null,
    args: request.options,
    info: request.info,
    finish: (reply) => reply,
  });
}
