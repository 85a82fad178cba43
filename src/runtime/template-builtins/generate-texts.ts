import { generationArgs, mergedKeywords, promptOf } from './call-arguments.js';
import type { TemplateBuiltin } from './types.js';

/** `generate_texts(prompt?, samples=N, …)` */
export const templateGenerateTexts: TemplateBuiltin = async (call, env) => {
  const keywords = mergedKeywords(call);
  const { prompt, info } = await promptOf(call, keywords, 0, env.info);
  const samples = Number(keywords.samples ?? 1);
  if (!Number.isInteger(samples) || samples < 1) {
    throw new Error(`samples must be a positive integer, not ${JSON.stringify(keywords.samples)}`);
  }
  return env.registry.builtins.generate_texts(
    { prompt, samples, options: generationArgs(keywords, ['prompt', 'samples']), info },
    env.callContext(),
  );
};
