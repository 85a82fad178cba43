import { renderPage } from './page.js';
import type { TraceLine, TraceReportOptions } from './report-data.js';

/** A run's trace as one self-contained HTML file: a timeline of the calls and a call table. */
export function renderTraceReport(
  traceLines: readonly TraceLine[],
  options: TraceReportOptions = {},
): string {
  return renderPage({ kind: 'trace', title: options.title ?? 'Run trace', calls: traceLines });
}
