/** What the closing line of a run over `--inputs` tells. */
export interface RunSummary {
  rowsOk: number;
  rowsFailed: number;
  callsMade: number;
  callsCached: number;
  /** In a dry run the new calls were not made: they are the ones that would be. */
  dryRun: boolean;
  wallMs: number;
}

/** `ot: 10 rows: 9 ok, 1 failed · 24 calls: 18 made, 6 cached · 3.2s` (on stderr). */
export function formatRunSummary(summary: RunSummary): string {
  const rows = summary.rowsOk + summary.rowsFailed;
  const calls = summary.callsMade + summary.callsCached;
  const made = summary.dryRun ? 'to make' : 'made';
  const seconds = (summary.wallMs / 1000).toFixed(1);
  return `ot: ${rows} row${rows === 1 ? '' : 's'}: ${summary.rowsOk} ok, ${summary.rowsFailed} failed · ${calls} call${calls === 1 ? '' : 's'}: ${summary.callsMade} ${made}, ${summary.callsCached} cached · ${seconds}s\n`;
}
