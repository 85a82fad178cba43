import type { TokenPrice, TokenUsage } from '../../backends/backend.js';

/** What `usage` tokens cost at `price` (USD per million tokens), rounded to 1e-10 USD. */
export function callCostUsd(usage: TokenUsage, price: TokenPrice): number {
  const cost = (usage.inputTokens * price.input + usage.outputTokens * price.output) / 1_000_000;
  // Rounded so that sums of many calls print without floating-point noise.
  return Math.round(cost * 1e10) / 1e10;
}

/** Whether a value read back from a cache is a usage record (a store may hold anything). */
export function isTokenUsage(value: unknown): value is TokenUsage {
  if (typeof value !== 'object' || value === null) return false;
  const usage = value as Record<string, unknown>;
  return isCount(usage['inputTokens']) && isCount(usage['outputTokens']);
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
