import type { DiagnosticArgs, DiagnosticCode, DiagnosticSink } from '../diagnostics/index.js';
import { createDiagnostic } from '../diagnostics/index.js';
import type { Span } from '../source/span.js';

/** Reports a diagnostic of the current file. */
export type Report = (code: DiagnosticCode, span: Span, args?: DiagnosticArgs) => void;

/** What every lowering function needs: where it is, how to report, and what encloses it. */
export interface LowerContext {
  path: string;
  /** The whole file's text, for spans that must point inside a text node. */
  source: string;
  /** Builtin names that an input shadows; calls of these are ordinary calls. */
  shadowedBuiltins: ReadonlySet<string>;
  /** True inside a `role` block, where another `role` is an error. */
  inRole: boolean;
  /** Facts collected while lowering that the template node records. */
  found: { roles: boolean };
  report: Report;
}

/** A reporter that files diagnostics under `path`. */
export function createReport(path: string, sink: DiagnosticSink): Report {
  return (code, span, args) => sink(createDiagnostic(code, path, span, args));
}

/** A fresh context for one file. */
export function createLowerContext(
  path: string,
  source: string,
  shadowedBuiltins: ReadonlySet<string>,
  report: Report,
): LowerContext {
  return {
    path,
    source,
    shadowedBuiltins,
    inRole: false,
    found: { roles: false },
    report,
  };
}
