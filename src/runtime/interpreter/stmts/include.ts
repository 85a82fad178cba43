import { deriveState } from '../exec-state.js';
import type { IncludeStmt, TemplateIR } from '../../../ir/ir.js';
import { deferStatement } from '../defer.js';
import { evalExpr } from '../eval-expr.js';
import { execBody } from '../exec.js';
import type { ExecState } from '../exec-state.js';
import { isUnsettled, settle } from '../pending.js';

/**
 * `{% include "x.ot" %}`: the included template is inlined (its calls see the including prefix)
 * and sees the including variables; like nunjucks, its own `set`s stay inside it.
 */
export function execInclude(stmt: IncludeStmt, state: ExecState): void {
  if (stmt.resolved !== null) {
    runIncluded(state.run.program.templates[stmt.resolved]!, state);
    return;
  }
  const path = settle(evalExpr(stmt.template, state));
  if (isUnsettled(path)) {
    deferStatement(stmt, state, path, (deferred, value) => includeByPath(stmt, deferred, value));
    return;
  }
  includeByPath(stmt, state, path);
}

function includeByPath(stmt: IncludeStmt, state: ExecState, path: unknown): void {
  let template: TemplateIR;
  try {
    template = state.run.loadTemplate(String(path), state.template, {
      file: state.template.path,
      span: stmt.span,
    });
  } catch (error) {
    if (stmt.ignoreMissing) return;
    throw error;
  }
  runIncluded(template, state);
}

function runIncluded(template: TemplateIR, state: ExecState): void {
  const frame = state.frame.push(true);
  frame.topLevel = true;
  execBody(
    template.body,
    deriveState(state, { template, frame, context: state.context.snapshot(), inLoop: false }),
  );
}
