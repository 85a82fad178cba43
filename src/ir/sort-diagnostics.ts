import type { Diagnostic } from '../diagnostics/index.js';

/** Diagnostics of one file in source order (stable, so equal positions keep report order). */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}
