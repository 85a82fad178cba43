import type { GenerateResult } from './language-model.js';

/**
 * The tokens a call used as the provider reports them (prompt plus output), for the `tpm`
 * budget; null when it reports neither. Reads both usage shapes of the AI SDK: plain numbers
 * (LanguageModelV2) and `{ total }` records (V3).
 */
export function reportedTokens(usage: GenerateResult['usage'] | undefined): number | null {
  if (!usage) return null;
  const record = usage as unknown as Record<string, unknown>;
  const input = count(record.inputTokens);
  const output = count(record.outputTokens);
  if (input === null && output === null) return count(record.totalTokens);
  return (input ?? 0) + (output ?? 0);
}

function count(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (value !== null && typeof value === 'object' && 'total' in value) {
    const total = (value as { total: unknown }).total;
    if (typeof total === 'number' && Number.isFinite(total)) return total;
  }
  return null;
}
