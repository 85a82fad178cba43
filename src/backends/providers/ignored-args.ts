import type { GenerationArgs } from '../backend.js';
import { BackendError } from '../backend-error.js';
import type { GenerateResult } from './language-model.js';

// The SDK's names for the generation arguments, as its warnings spell them.
const SDK_FEATURES: Readonly<Record<string, keyof GenerationArgs>> = {
  temperature: 'temperature',
  maxOutputTokens: 'max_tokens',
  stopSequences: 'stop',
  topP: 'top_p',
  topK: 'top_k',
  seed: 'seed',
};

/**
 * Some models reject arguments their provider otherwise takes (reasoning models and temperature);
 * the SDK drops those with an "unsupported" warning. LANGUAGE.md §6 makes an unsupported
 * argument an error, so a dropped argument that the call set becomes one, naming it.
 */
export function ignoredArgError(
  result: Pick<GenerateResult, 'warnings'>,
  args: GenerationArgs,
  model: string,
): BackendError | null {
  for (const warning of result.warnings) {
    if (warning.type !== 'unsupported') continue;
    const arg = SDK_FEATURES[warning.feature];
    if (arg === undefined || args[arg] === undefined) continue;
    return new BackendError(
      `model ${model} does not support the argument \`${arg}\`` +
        (warning.details ? ` (${warning.details})` : ''),
    );
  }
  return null;
}
