import type { IncludeStmt } from '../../../ir/ir.js';
import { analyzeBody } from '../body.js';
import { applyDeferral } from '../deferral.js';
import { analyzeExpr } from '../expr.js';
import { nodeKey } from '../node-key.js';
import { reportOnce } from '../report.js';
import type { AnalysisState } from '../state.js';

/**
 * `{% include %}`: the included file is inlined — its calls see the including prefix and
 * variables — and its own `set`s stay inside it (src/runtime/interpreter/stmts/include.ts).
 */
export function analyzeInclude(stmt: IncludeStmt, state: AnalysisState): void {
  if (stmt.resolved === null) {
    reportOnce(state, 'OT3002', stmt.span, {});
    applyDeferral(state, stmt, analyzeExpr(stmt.template, state).reads);
    return;
  }
  const template = state.analysis.program.templates[stmt.resolved];
  if (!template) return;
  const stackKey = `include:${stmt.resolved}`;
  if (state.stack.includes(stackKey)) {
    reportOnce(state, 'OT3003', stmt.span, { what: 'include', name: stmt.resolved });
    return;
  }
  const frame = state.frame.push(true);
  frame.topLevel = true;
  analyzeBody(template.body, {
    ...state,
    template,
    frame,
    context: state.context.snapshot(),
    inLoop: false,
    instance: `${state.instance}>i${nodeKey(stmt)}`,
    stack: [...state.stack, stackKey],
    scope: [
      ...state.scope,
      { kind: 'include', file: state.template.path, span: stmt.span, template: template.path },
    ],
  });
}
