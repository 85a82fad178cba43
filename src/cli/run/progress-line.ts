import { formatUsd } from '../../runtime/usage/format-usd.js';

/** What the progress line of `--inputs` shows: rows done of all, and the calls so far. */
export interface ProgressCounts {
  rowsDone: number;
  rowsTotal: number;
  rowsFailed: number;
  /** Calls sent to a backend (or, in a dry run, that would be). */
  callsMade: number;
  /** Calls answered by the cache or by an identical call in flight. */
  callsCached: number;
  /** USD spent so far, when the backends have a `price`; absent or null otherwise. */
  costUsd?: number | null;
}

/** `[████░░░░] 3/8 rows (1 failed) · 12 calls: 9 new, 3 cached · $0.0012`, cut to `width`. */
export function formatProgress(counts: ProgressCounts, width: number): string {
  const barWidth = 20;
  const filled =
    counts.rowsTotal === 0 ? barWidth : Math.floor((counts.rowsDone / counts.rowsTotal) * barWidth);
  const bar = `[${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}]`;
  const failed = counts.rowsFailed > 0 ? ` (${counts.rowsFailed} failed)` : '';
  const calls = counts.callsMade + counts.callsCached;
  const cost = counts.costUsd != null ? ` · ${formatUsd(counts.costUsd)}` : '';
  const text = `${bar} ${counts.rowsDone}/${counts.rowsTotal} rows${failed} · ${calls} call${calls === 1 ? '' : 's'}: ${counts.callsMade} new, ${counts.callsCached} cached${cost}`;
  return text.length > width ? text.slice(0, Math.max(0, width - 1)) : text;
}

/**
 * One line redrawn in place on a terminal's stderr. Messages are written above it (`clear`,
 * write, `render`), so it keeps going after a row fails. Call updates are throttled; row
 * updates are not, so the last state is always drawn.
 */
export class ProgressLine {
  private shown = false;
  private lastDrawn = 0;

  constructor(
    private readonly write: (text: string) => void,
    private readonly counts: () => ProgressCounts,
    private readonly width: number,
    private readonly intervalMs = 100,
  ) {}

  /** Redraws now. */
  render(): void {
    this.write(`\r\x1b[K${formatProgress(this.counts(), this.width)}`);
    this.shown = true;
    this.lastDrawn = Date.now();
  }

  /** Redraws unless it was drawn a moment ago. */
  tick(): void {
    if (Date.now() - this.lastDrawn >= this.intervalMs) this.render();
  }

  /** Erases the line (before a message, or at the end). */
  clear(): void {
    if (this.shown) this.write('\r\x1b[K');
    this.shown = false;
  }
}
