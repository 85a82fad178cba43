import type { Span } from '../source/span.js';
import { diagnosticCatalog, type DiagnosticCode, type Severity } from './catalog.js';

/** Named values substituted into a catalog message. */
export type DiagnosticArgs = Record<string, string | number>;

/** One problem found in a source file: data, never an exception, until the public boundary. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  /** The file the span points into (the root file, an included file, or a `flow()` file). */
  file: string;
  span: Span;
  args: DiagnosticArgs;
}

/**
 * How much of one argument a message shows: names come from the source, and a megabyte-long
 * identifier must not make a megabyte-long message (`args` keeps the whole value).
 */
export const MAX_ARG_LENGTH = 1000;

/** Builds a diagnostic from the catalog entry of `code`. */
export function createDiagnostic(
  code: DiagnosticCode,
  file: string,
  span: Span,
  args: DiagnosticArgs = {},
): Diagnostic {
  const entry = diagnosticCatalog[code];
  const message = entry.message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in args ? shorten(String(args[name])) : whole,
  );
  return { code, severity: entry.severity, message, file, span, args };
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Where phases report diagnostics; they keep going after reporting. */
export type DiagnosticSink = (diagnostic: Diagnostic) => void;

function shorten(value: string): string {
  return value.length > MAX_ARG_LENGTH ? `${value.slice(0, MAX_ARG_LENGTH)}…` : value;
}
