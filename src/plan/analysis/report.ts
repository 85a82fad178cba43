import { createDiagnostic, type DiagnosticArgs } from '../../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../../diagnostics/catalog.js';
import type { Span } from '../../source/span.js';
import type { AnalysisState } from './state.js';

/** Reports a plan diagnostic once, however many passes or instantiations reach its place. */
export function reportOnce(
  state: AnalysisState,
  code: DiagnosticCode,
  span: Span,
  args: DiagnosticArgs,
): void {
  const key = `${code}:${state.template.path}:${span.start}:${span.end}`;
  if (state.analysis.reported.has(key)) return;
  state.analysis.reported.add(key);
  state.analysis.diagnostics.push(createDiagnostic(code, state.template.path, span, args));
}
