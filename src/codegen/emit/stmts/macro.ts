import type { MacroStmt, ParamIR } from '../../../ir/ir.js';
import type { EmitContext } from '../emit-context.js';
import { writesKnownText } from '../function-body.js';
import { jsString } from '../js-literal.js';

/**
 * `{% macro name(params) %}…{% endmacro %}`: a macro whose body is a generated function. When no
 * macro of the program can make a call and this body only writes known text, the body returns
 * its text instead of writing into a buffer of its own (nothing could read that buffer's prefix).
 */
export function emitMacro(stmt: MacroStmt, ec: EmitContext): void {
  ec.comment(stmt.span);
  ec.at(stmt.span);
  const textOnly =
    !ec.module.facts.macros && stmt.body.every((s) => writesKnownText(s, ec.module, ec.template));
  const body = textOnly ? ec.textArrow(stmt.body) : ec.arrow(stmt.body);
  ec.out.line(
    `defineMacro(${ec.state}, ${jsString(stmt.name)}, ${emitParams(stmt.params, ec)}, ${body}${textOnly ? ', true' : ''});`,
  );
}

/** Parameters with their defaults as functions of the macro's state (evaluated at call time). */
export function emitParams(params: readonly ParamIR[], ec: EmitContext): string {
  const items = params.map((param) => {
    const fallback = param.defaultValue
      ? `(${ec.state}) => ${ec.expr.emit(param.defaultValue, ec.state)}`
      : 'null';
    return `{ name: ${jsString(param.name)}, defaultValue: ${fallback} }`;
  });
  return `[${items.join(', ')}]`;
}
