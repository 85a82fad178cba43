import { requireImageSupport } from '../image-support.js';
import { imageData } from '../interpreter/messages.js';
import { generationArgs, mergedKeywords, promptAndImagesOf } from './call-arguments.js';
import type { TemplateBuiltin } from './types.js';

/**
 * `generate_text(prompt?, temperature?, max_tokens?, stop?, top_p?, top_k?, seed?)`. Images
 * placed in its prefix go with the prompt as one user message, as `llm.generateText(prompt,
 * { images })` sends them (traced as `generate_text`).
 */
export const templateGenerateText: TemplateBuiltin = async (call, env) => {
  const keywords = mergedKeywords(call);
  const { prompt, info, images } = await promptAndImagesOf(call, keywords, 0, env.info);
  const options = generationArgs(keywords, ['prompt']);
  if (images.length === 0) {
    return env.registry.builtins.generate_text({ prompt, options, info }, env.callContext());
  }
  const context = env.callContext();
  requireImageSupport('generate_text', context.backend, call.site);
  return env.registry.builtins.chat(
    {
      messages: [{ role: 'user', content: prompt, images: images.map(imageData) }],
      options,
      info: { ...info, traceAs: 'generate_text' },
    },
    context,
  );
};
