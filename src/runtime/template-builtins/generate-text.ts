import { generationArgs, mergedKeywords, promptOf } from './call-arguments.js';
import type { TemplateBuiltin } from './types.js';

/** `generate_text(prompt?, temperature?, max_tokens?, stop?, top_p?, top_k?, seed?)` */
export const templateGenerateText: TemplateBuiltin = async (call, env) => {
  const keywords = mergedKeywords(call);
  const { prompt, info } = await promptOf(call, keywords, 0, env.info);
  return env.registry.builtins.generate_text(
    { prompt, options: generationArgs(keywords, ['prompt']), info },
    env.callContext(),
  );
};
