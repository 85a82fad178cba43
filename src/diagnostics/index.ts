export { diagnosticCatalog } from './catalog.js';
export type { DiagnosticCode, Severity } from './catalog.js';
export type { Diagnostic, DiagnosticArgs, DiagnosticSink } from './diagnostic.js';
export { createDiagnostic, hasErrors } from './diagnostic.js';
export { OtError, isOtError } from './ot-error.js';
export type { PrintOptions, SourceLookup } from './printer.js';
export { printDiagnostic, printDiagnostics } from './printer.js';
export type { CappedDiagnostics, HiddenCounts } from './diagnostic-cap.js';
export {
  MAX_DIAGNOSTICS_PER_FILE,
  capDiagnostics,
  createCappedDiagnostics,
  finishCapped,
  isCapNote,
  noteCounts,
} from './diagnostic-cap.js';
