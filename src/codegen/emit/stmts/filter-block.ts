import type { FilterBlockStmt } from '../../../ir/ir.js';
import type { EmitContext } from '../emit-context.js';
import { jsLiteral, jsString } from '../js-literal.js';

/** `{% filter name(args) %}…{% endfilter %}`: the body's text through the filter. */
export function emitFilterBlock(stmt: FilterBlockStmt, ec: EmitContext): void {
  ec.comment(stmt.span);
  ec.at(stmt.span);
  const s = ec.state;
  const args = [
    ...stmt.args.map((a) => ec.expr.emit(a, s)),
    ...stmt.kwargs.map((k) => ec.expr.emit(k.value, s)),
  ];
  const names = jsLiteral(stmt.kwargs.map((k) => k.name));
  const at = ec.module.span(ec.template.path, stmt.span);
  ec.out.line(
    `filterBlock(${s}, ${jsString(stmt.name)}, ${ec.arrow(stmt.body)}, (${s}) => [${args.join(', ')}], ${names}, ${at});`,
  );
}
