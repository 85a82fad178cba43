import type { EvalResultRow, EvalSummary } from './eval-types.js';
import { EvalSummaryBuilder } from './summary-builder.js';

export { resultKey, scoreNumber } from './summary-builder.js';

/**
 * The eval's summary from its result rows (each with its calls): one cell per flow × backend (in
 * order of first appearance) and, for each scorer, a paired comparison of every two cells that
 * share a flow or a backend (the earlier cell is A). Failed results count in `errors` and are
 * left out of the scores; results are paired by row and sample. See `EvalSummaryBuilder` to
 * summarize results as they come without keeping them.
 */
export function buildEvalSummary(
  results: readonly EvalResultRow[],
  scorerNames: readonly string[],
): EvalSummary {
  const builder = new EvalSummaryBuilder(scorerNames);
  for (const result of results) {
    let cached = 0;
    for (const call of result.calls) if (call.cached) cached++;
    builder.add(result, { made: result.calls.length - cached, cached });
  }
  return builder.build();
}
