import type { ForStmt } from '../../../ir/ir.js';
import { assignedNamesOf } from '../../../runtime/interpreter/assigned-names.js';
import { callBindings } from '../../../runtime/interpreter/call-bindings.js';
import type { EmitContext } from '../emit-context.js';
import { jsLiteral } from '../js-literal.js';

/**
 * `{% for %}`: `forLoop` runs the body once per item in the loop's frame (deferred if the list
 * waits for a call); names bound by call blocks inside become lists, one entry per iteration.
 */
export function emitFor(stmt: ForStmt, ec: EmitContext): void {
  ec.comment(stmt.span);
  ec.at(stmt.span);
  const skeleton = ec.module.constant(
    'DEFER',
    `deferral(${jsLiteral([...assignedNamesOf(stmt)])}, true)`,
  );
  const iterable = ec.expr.emit(stmt.iterable, ec.state);
  const bound = jsLiteral([...callBindings(stmt.body)]);
  const otherwise = stmt.otherwise ? ec.arrow(stmt.otherwise) : 'null';
  ec.out.line(
    `forLoop(${ec.state}, ${skeleton}, ${jsLiteral(stmt.targets)}, ${iterable}, ${bound}, ${ec.arrow(stmt.body)}, ${otherwise});`,
  );
}
