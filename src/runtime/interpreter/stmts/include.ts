import { deriveState } from '../exec-state.js';
import type { IncludeStmt, TemplateIR } from '../../../ir/ir.js';
import { deferStatement } from '../defer.js';
import { evalExpr } from '../eval-expr.js';
import { execBody } from '../exec.js';
import type { ExecState } from '../exec-state.js';
import { isUnsettled, settle } from '../pending.js';
import { enterTemplate } from '../../active-templates.js';
import { isPathRefusal } from '../../path-refusal.js';

/**
 * `{% include "x.ot" %}`: the included template is inlined (its calls see the including prefix)
 * and sees the including variables; like nunjucks, its own `set`s stay inside it.
 */
export function execInclude(stmt: IncludeStmt, state: ExecState): void {
  if (stmt.resolved !== null) {
    runIncluded(stmt, state.run.program.templates[stmt.resolved]!, state);
    return;
  }
  // A literal path left unresolved names a file that was missing when the program was loaded
  // (with `ignore missing`, else loading failed): it is not a computed path, and renders nothing.
  if (stmt.ignoreMissing && stmt.template.kind === 'literal') return;
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
    template = state.run.loadTemplate(
      String(path),
      state.template,
      { file: state.template.path, span: stmt.span },
      'include',
    );
  } catch (error) {
    // `ignore missing` forgives a missing file, never a refused path.
    if (stmt.ignoreMissing && !isPathRefusal(error)) return;
    throw error;
  }
  runIncluded(stmt, template, state);
}

function runIncluded(stmt: IncludeStmt, template: TemplateIR, state: ExecState): void {
  const run = enterTemplate(state.run, 'include', template, {
    file: state.template.path,
    span: stmt.span,
  });
  const frame = state.frame.push(true);
  frame.topLevel = true;
  execBody(
    template.body,
    deriveState(state, { run, template, frame, context: state.context.snapshot(), inLoop: false }),
  );
}
