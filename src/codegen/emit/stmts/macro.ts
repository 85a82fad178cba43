import type { MacroStmt, ParamIR } from '../../../ir/ir.js';
import type { EmitContext } from '../emit-context.js';
import { jsString } from '../js-literal.js';

/** `{% macro name(params) %}…{% endmacro %}`: a macro whose body is a generated function. */
export function emitMacro(stmt: MacroStmt, ec: EmitContext): void {
  ec.comment(stmt.span);
  ec.at(stmt.span);
  ec.out.line(`defineMacro(${ec.state}, ${jsString(stmt.name)}, ${emitParams(stmt.params, ec)}, ${ec.arrow(stmt.body)});`);
}

/** Parameters with their defaults as functions of the macro's state (evaluated at call time). */
export function emitParams(params: readonly ParamIR[], ec: EmitContext): string {
  const items = params.map((param) => {
    const fallback = param.defaultValue ? `(${ec.state}) => ${ec.expr.emit(param.defaultValue, ec.state)}` : 'null';
    return `{ name: ${jsString(param.name)}, defaultValue: ${fallback} }`;
  });
  return `[${items.join(', ')}]`;
}
