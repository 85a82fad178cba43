import type { TokenPrice, TokenUsage } from '../../backends/backend.js';
import type { TraceEvent } from '../trace.js';
import { isLazyCounts, lazyCounts } from '../../backends/lazy-counts.js';
import { callCostUsd } from './call-cost.js';

/** The usage and cost fields of a trace line. */
export type TraceUsageFields = Pick<TraceEvent, 'usage' | 'cost_usd' | 'saved_usd'>;

/**
 * A call's trace fields: its tokens (for a cached call, those reported when it was made), what
 * this run paid for it (`cost_usd`, 0 when cached) and, for a cached call, what the cache saved
 * (`saved_usd`). Costs need the backend's `price`; nothing is known without usage.
 */
export function traceUsageFields(
  usage: TokenUsage | undefined,
  cached: boolean,
  price: TokenPrice | undefined,
): TraceUsageFields {
  if (!usage) return {};
  if (!price && isLazyCounts(usage)) {
    // The fake backend counts its tokens only when they are read (see lazyCounts).
    return {
      usage: lazyCounts(['input_tokens', 'output_tokens'], () => ({
        input_tokens: usage.inputTokens,
        output_tokens: usage.outputTokens,
      })),
    };
  }
  const fields: TraceUsageFields = {
    usage: { input_tokens: usage.inputTokens, output_tokens: usage.outputTokens },
  };
  if (!price) return fields;
  const cost = callCostUsd(usage, price);
  return cached ? { ...fields, cost_usd: 0, saved_usd: cost } : { ...fields, cost_usd: cost };
}
