import { formatUsd } from '../../runtime/usage/format-usd.js';
import type { UsageTotals } from '../../runtime/usage/usage-totals.js';

/** What the closing line of `ot run` tells. */
export interface RunSummary {
  /** The rows' tally of a run over `--inputs`; null for one run. */
  rows: { ok: number; failed: number } | null;
  calls: UsageTotals;
  /** In a dry run the new calls were not made: they are the ones that would be. */
  dryRun: boolean;
  wallMs: number;
}

/**
 * `ot: 10 rows: 9 ok, 1 failed · 24 calls: 18 made, 6 cached · tokens: 900 in, 120 out
 * (cached: 300 in, 40 out) · cost $0.0042, the cache saved $0.0014 · 3.2s` (on stderr).
 */
export function formatRunSummary(summary: RunSummary): string {
  const { calls } = summary;
  const parts: string[] = [];
  if (summary.rows) {
    const rows = summary.rows.ok + summary.rows.failed;
    parts.push(
      `${rows} row${rows === 1 ? '' : 's'}: ${summary.rows.ok} ok, ${summary.rows.failed} failed`,
    );
  }
  const total = calls.callsMade + calls.callsCached;
  const made = summary.dryRun ? 'to make' : 'made';
  parts.push(
    `${total} call${total === 1 ? '' : 's'}: ${calls.callsMade} ${made}, ${calls.callsCached} cached`,
  );
  const usage = formatUsage(calls);
  if (usage !== null) parts.push(usage);
  const cost = formatCost(calls);
  if (cost !== null) parts.push(cost);
  parts.push(`${(summary.wallMs / 1000).toFixed(1)}s`);
  return `ot: ${parts.join(' · ')}\n`;
}

/** `tokens: 900 in, 120 out (cached: 300 in, 40 out)`, or null when no call reported usage. */
function formatUsage(calls: UsageTotals): string | null {
  const total = calls.callsMade + calls.callsCached;
  if (total === 0 || calls.callsWithoutUsage === total) return null;
  const cached =
    calls.cachedInputTokens + calls.cachedOutputTokens > 0
      ? ` (cached: ${calls.cachedInputTokens} in, ${calls.cachedOutputTokens} out)`
      : '';
  const unknown =
    calls.callsWithoutUsage > 0
      ? `; ${calls.callsWithoutUsage} call${calls.callsWithoutUsage === 1 ? '' : 's'} without usage`
      : '';
  return `tokens: ${calls.inputTokens} in, ${calls.outputTokens} out${cached}${unknown}`;
}

/** `cost $0.0042, the cache saved $0.0014`, or null when no call had a price. */
function formatCost(calls: UsageTotals): string | null {
  if (calls.costUsd === null && calls.savedUsd === null) return null;
  const cost = `cost ${formatUsd(calls.costUsd ?? 0)}`;
  return calls.savedUsd === null ? cost : `${cost}, the cache saved ${formatUsd(calls.savedUsd)}`;
}
