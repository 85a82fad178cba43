import type { TokenUsage } from '../backend.js';
import type { GenerateResult } from './language-model.js';

/**
 * The tokens a provider reported for one request, or undefined when it reported neither count.
 * A count it left out is 0: a server that says only how many tokens it wrote still has a cost.
 */
export function reportedUsage(result: GenerateResult): TokenUsage | undefined {
  const input = result.usage.inputTokens.total;
  const output = result.usage.outputTokens.total;
  if (input === undefined && output === undefined) return undefined;
  return { inputTokens: input ?? 0, outputTokens: output ?? 0 };
}
