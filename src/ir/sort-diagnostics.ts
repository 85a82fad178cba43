import type { Diagnostic } from '../diagnostics/index.js';
import { capDiagnostics } from '../diagnostics/index.js';

/** Diagnostics of one file in source order (stable, so equal positions keep report order). */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/**
 * One file's diagnostics as reported: in source order, the first MAX_DIAGNOSTICS_PER_FILE, then
 * one note that counts the rest (including those the phases' own notes counted).
 */
export function sortAndCapDiagnostics(
  diagnostics: readonly Diagnostic[],
  file: string,
): Diagnostic[] {
  return capDiagnostics(sortDiagnostics(diagnostics), file);
}
