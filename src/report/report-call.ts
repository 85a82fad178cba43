import type { TraceLine } from './report-data.js';

/**
 * A call with only the fields the eval report shows (what was asked, the reply, timing, tokens,
 * cost, cache hit, where): an eval that writes a report keeps every call until the end, so it
 * keeps no more of each than the page needs.
 */
export function reportCall(call: TraceLine): TraceLine {
  const kept: TraceLine = {
    builtin: call.builtin,
    prompt: call.prompt,
    messages: call.messages,
    args: call.args,
    result: call.result,
    cached: call.cached,
    sample: call.sample,
    backend: call.backend,
    start_ms: call.start_ms,
    end_ms: call.end_ms,
    location: call.location,
  };
  if (call.error !== undefined) kept.error = call.error;
  if (call.usage != null) kept.usage = call.usage;
  if (call.cost_usd != null) kept.cost_usd = call.cost_usd;
  if (call.row != null) kept.row = call.row;
  return kept;
}
