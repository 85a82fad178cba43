import type { Message } from '../../backends/backend.js';
import { hasImages, requireImageSupport } from '../image-support.js';
import { generationArgs, mergedKeywords } from './call-arguments.js';
import type { TemplateBuiltin } from './types.js';

/** `chat(messages?, …)`: by default the prefix grouped by role (LANGUAGE.md §6), with its images. */
export const templateChat: TemplateBuiltin = async (call, env) => {
  const keywords = mergedKeywords(call);
  const explicit = call.args.length > 0 ? call.args[0] : keywords.messages;
  const messages =
    explicit === undefined || explicit === null
      ? await call.prefixMessages()
      : toMessages(explicit);
  const context = env.callContext();
  if (hasImages(messages)) requireImageSupport('chat', context.backend, call.site);
  return env.registry.builtins.chat(
    { messages, options: generationArgs(keywords, ['messages']), info: env.info },
    context,
  );
};

function toMessages(value: unknown): Message[] {
  if (!Array.isArray(value)) throw new Error('chat messages must be a list of {role, content}');
  return value.map((item, index) => {
    const role = (item as { role?: unknown })?.role;
    const content = (item as { content?: unknown })?.content;
    const normalised = role === 'model' ? 'assistant' : role;
    if (normalised !== 'system' && normalised !== 'user' && normalised !== 'assistant') {
      throw new Error(`message ${index} has an invalid role ${JSON.stringify(role)}`);
    }
    return { role: normalised, content: String(content ?? '') };
  });
}
