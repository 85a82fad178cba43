import type { DiagnosticCode } from './catalog.js';
import type { Diagnostic } from './diagnostic.js';

/** The one error type public functions throw; it carries every diagnostic that caused it. */
export class OtError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[], options?: { cause?: unknown }) {
    const first = diagnostics[0];
    super(first ? `${first.code}: ${first.message}` : 'ot error', options);
    this.name = 'OtError';
    this.diagnostics = diagnostics;
  }

  /** The code of the first diagnostic (`OT4004` for a failed model call), for `switch`. */
  get code(): DiagnosticCode | null {
    return this.diagnostics[0]?.code ?? null;
  }
}

/** Narrowing helper that also works across duplicated module copies. */
export function isOtError(value: unknown): value is OtError {
  return (
    value instanceof OtError ||
    (value instanceof Error && (value.name === 'OtError' || value.name === 'CallError'))
  );
}
