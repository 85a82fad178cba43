import { renderPage } from './page.js';
import type { EvalReportData } from './report-data.js';

/**
 * The eval report as one self-contained HTML file: the summary table, the comparisons, a
 * timeline of the calls and the rows side by side with filters and each call on demand.
 */
export function renderEvalReport(data: EvalReportData): string {
  return renderPage({ ...data, kind: 'eval', title: data.title ?? 'Eval report' });
}
