import type { CallTagStmt } from '../../../ir/ir.js';
import type { EmitContext } from '../emit-context.js';
import { jsLiteral } from '../js-literal.js';
import { emitParams } from './macro.js';

/** `{% call(params) m(args) %}body{% endcall %}`: calls `m` with the body as `caller`. */
export function emitCallTag(stmt: CallTagStmt, ec: EmitContext): void {
  ec.comment(stmt.span);
  ec.at(stmt.span);
  const s = ec.state;
  const values = [
    ec.expr.emit(stmt.call.callee, s),
    ...stmt.call.args.map((a) => ec.expr.emit(a, s)),
    ...stmt.call.kwargs.map((k) => ec.expr.emit(k.value, s)),
  ];
  const names = jsLiteral(stmt.call.kwargs.map((k) => k.name));
  const at = ec.module.span(ec.template.path, stmt.span);
  ec.out.line(
    `callTag(${s}, ${emitParams(stmt.callerParams, ec)}, ${ec.arrow(stmt.body)}, [${values.join(', ')}], ${names}, ${at});`,
  );
}
