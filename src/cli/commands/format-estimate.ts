import type { CostEstimate, CostEstimateTotals } from '../../plan/estimate-cost.js';
import { formatUsd } from '../../runtime/usage/format-usd.js';

/**
 * `ot plan --estimate` for people: the calls, how many the cache has, the tokens and cost of
 * the others, per backend when there are several, and the assumptions behind the numbers.
 */
export function formatCostEstimate(estimate: CostEstimate): string {
  const lines: string[] = [];
  const rows = `${estimate.rows} row${estimate.rows === 1 ? '' : 's'}`;
  lines.push(`Estimate of a run over ${rows}:`);
  lines.push(...totalsLines(estimate, '  '));
  const names = Object.keys(estimate.byBackend);
  if (names.length > 1) {
    for (const name of names) {
      lines.push(`  on ${name}:`);
      lines.push(...totalsLines(estimate.byBackend[name]!, '    '));
    }
  }
  for (const failed of estimate.failedRows) {
    const on = failed.backend === null ? '' : ` on ${failed.backend}`;
    lines.push(
      `  row ${failed.row}${on} could not be rendered (its calls are not counted): ${failed.error}`,
    );
  }
  lines.push('Assumptions:');
  for (const assumption of estimate.assumptions) lines.push(`  - ${assumption}`);
  return `${lines.join('\n')}\n`;
}

function totalsLines(totals: CostEstimateTotals, indent: string): string[] {
  const toMake = totals.calls - totals.cached;
  const lines = [
    `${indent}calls: ${totals.calls} (${totals.cached} cached, ${toMake} to make)`,
    `${indent}tokens of the calls to make: ${totals.inputTokens} in, ${totals.outputTokens} out`,
  ];
  if (totals.costUsd !== null || totals.savedUsd !== null) {
    const saved = totals.savedUsd === null ? '' : `; the cache saves ${formatUsd(totals.savedUsd)}`;
    lines.push(`${indent}cost: ${formatUsd(totals.costUsd ?? 0)}${saved}`);
  }
  return lines;
}
