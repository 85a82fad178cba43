import { createDiagnostic } from '../../diagnostics/diagnostic.js';
import { isOtError, OtError } from '../../diagnostics/ot-error.js';
import type { Span } from '../../source/span.js';
import type { ExecState } from './exec-state.js';
import { JinjaError } from './values.js';

/**
 * Runs `fn`, turning any error it throws into an OtError located at `span` (unless it already
 * carries a location): template errors must name file:line:col, never show a stack trace.
 */
export function withSpan<T>(span: Span, state: ExecState, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw locateError(error, span, state.template.path);
  }
}

/** Converts an error thrown while rendering into an OtError at `span`. */
export function locateError(error: unknown, span: Span, file: string): OtError {
  if (isOtError(error)) return error;
  if (error instanceof JinjaError) {
    return new OtError([createDiagnostic(error.code, file, span, error.args)], { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new OtError([createDiagnostic('OT4005', file, span, { reason: message })], {
    cause: error,
  });
}
