import { generationArgs, mergedKeywords, promptOf } from './call-arguments.js';
import type { TemplateBuiltin } from './types.js';

/** `instruct(prompt?, assistant_prefix?)` */
export const templateInstruct: TemplateBuiltin = async (call, env) => {
  const keywords = mergedKeywords(call);
  const { prompt, info } = await promptOf(call, keywords, 0, env.info);
  const prefix = keywords.assistant_prefix;
  return env.registry.builtins.instruct(
    {
      prompt,
      assistantPrefix: prefix === undefined || prefix === null ? null : String(prefix),
      options: generationArgs(keywords, ['prompt', 'assistant_prefix']),
      info,
    },
    env.callContext(),
  );
};
