import type { CallContext } from '../call-context.js';
import { childSampleKey } from '../interpreter/sample-key.js';
import type { GenerateTextsRequest } from '../registry/types.js';

/**
 * `generate_texts`: as in OneTwo, N `generate_text` calls with sample keys "", "1", … (nested
 * under the caller's key), routed through the registry's current `generate_text`.
 */
export function generateTexts(
  request: GenerateTextsRequest,
  context: CallContext,
): Promise<string[]> {
  const generateText = context.run.registry.builtins.generate_text;
  const samples = Array.from({ length: request.samples }, (_, index) =>
    generateText(
      {
        prompt: request.prompt,
        options: request.options,
        info: {
          ...request.info,
          sample: childSampleKey(request.info.sample, index),
          traceAs: 'generate_texts',
        },
      },
      context,
    ),
  );
  return Promise.all(samples);
}
