import type { Message } from '../../backends/backend.js';
import type { CallContext } from '../call-context.js';
import type { InstructRequest } from '../registry/types.js';

/** `instruct`: as in OneTwo, a chat with one user message and an optional partial assistant reply. */
export function instruct(request: InstructRequest, context: CallContext): Promise<string> {
  const messages: Message[] = [{ role: 'user', content: request.prompt }];
  if (request.assistantPrefix)
    messages.push({ role: 'assistant', content: request.assistantPrefix });
  return context.run.registry.builtins.chat(
    {
      messages,
      options: request.options,
      info: { ...request.info, traceAs: request.info.traceAs ?? 'instruct' },
    },
    context,
  );
}
