import { generationArgs, mergedKeywords, promptOf } from './call-arguments.js';
import type { TemplateBuiltin } from './types.js';

/** `select(options, prompt?)` */
export const templateSelect: TemplateBuiltin = async (call, env) => {
  const keywords = mergedKeywords(call);
  const options = call.args.length > 0 ? call.args[0] : keywords.options;
  if (!Array.isArray(options) || options.length === 0) {
    throw new Error('select needs a non-empty list of options as its first argument');
  }
  const { prompt, info } = await promptOf(call, keywords, 1, env.info);
  return env.registry.builtins.select(
    {
      prompt,
      choices: options.map(String),
      options: generationArgs(keywords, ['prompt', 'options']),
      info,
    },
    env.callContext(),
  );
};
