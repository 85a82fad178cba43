import type { CaptureStmt } from '../../../ir/ir.js';
import { analyzeBody } from '../body.js';
import { AbstractBuffer, assignAbstract } from '../scope.js';
import type { AnalysisState } from '../state.js';

/**
 * `{% set x %}…{% endset %}`: calls inside see the outer prefix and the capture's own text; the
 * captured text is not part of the outer text, so later calls do not wait for it through their
 * prefix — only through `x`.
 */
export function analyzeCapture(stmt: CaptureStmt, state: AnalysisState): void {
  const buffer = new AbstractBuffer(state.out.prefix());
  analyzeBody(stmt.body, {
    ...state,
    out: buffer,
    scope: [...state.scope, { kind: 'capture', file: state.template.path, span: stmt.span }],
  });
  for (const target of stmt.targets)
    assignAbstract(state.frame, state.context, target, { origins: new Set(buffer.own) });
}
