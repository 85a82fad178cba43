import type { SetStmt } from '../../../ir/ir.js';
import type { EmitContext } from '../emit-context.js';
import { jsString } from '../js-literal.js';

/** `{% set a, b = value %}` */
export function emitSet(stmt: SetStmt, ec: EmitContext): void {
  ec.at(stmt.span);
  const value = ec.expr.emit(stmt.value, ec.state);
  if (stmt.targets.length === 1) {
    ec.out.line(`assignVariable(${ec.state}, ${jsString(stmt.targets[0]!)}, ${value});`);
    return;
  }
  const name = ec.scope.local('value');
  ec.out.block('{', () => {
    ec.out.line(`const ${name} = ${value};`);
    for (const target of stmt.targets)
      ec.out.line(`assignVariable(${ec.state}, ${jsString(target)}, ${name});`);
  });
}
