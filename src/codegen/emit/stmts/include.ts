import type { IncludeStmt } from '../../../ir/ir.js';
import type { EmitContext } from '../emit-context.js';
import { jsLiteral } from '../js-literal.js';

/** `{% include %}`: the included template's function, inlined into the current scope. */
export function emitInclude(stmt: IncludeStmt, ec: EmitContext): void {
  ec.comment(stmt.span);
  ec.at(stmt.span);
  if (stmt.resolved !== null && ec.module.program.templates[stmt.resolved]) {
    const span = ec.module.span(ec.template.path, stmt.span);
    ec.out.line(`include(${ec.state}, ${ec.module.names(stmt.resolved).constant}, ${span});`);
    return;
  }
  const skeleton = ec.module.constant('DEFER', 'deferral([], false)');
  const path = ec.expr.emit(stmt.template, ec.state);
  ec.out.line(
    `includeComputed(${ec.state}, ${skeleton}, ${path}, ${jsLiteral(stmt.ignoreMissing)}, ${ec.module.span(ec.template.path, stmt.span)});`,
  );
}
