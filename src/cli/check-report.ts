import type { Diagnostic } from '../diagnostics/index.js';
import { printDiagnostics } from '../diagnostics/index.js';
import type { SourceFile } from '../source/source-file.js';
import { formatSummary } from './summary.js';

/**
 * What `ot check` prints: every diagnostic with its code frame, separated by blank lines, then
 * the summary line (`2 errors, 1 warning`).
 */
export function formatCheckReport(
  diagnostics: readonly Diagnostic[],
  sources: Readonly<Record<string, SourceFile>>,
  color: boolean,
): string {
  const printed = printDiagnostics(diagnostics, (path) => sources[path], { color });
  return `${printed === '' ? '' : `${printed}\n\n`}${formatSummary(diagnostics)}\n`;
}
