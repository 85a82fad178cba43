import type { CaptureStmt } from '../../../ir/ir.js';
import type { EmitContext } from '../emit-context.js';
import { jsString } from '../js-literal.js';

/** `{% set x %}…{% endset %}`: the body's text, in a buffer whose calls see the current prefix. */
export function emitCapture(stmt: CaptureStmt, ec: EmitContext): void {
  ec.comment(stmt.span);
  ec.at(stmt.span);
  const text = ec.scope.local('text');
  ec.out.line(`const ${text} = capture(${ec.state}, ${ec.arrow(stmt.body)});`);
  for (const target of stmt.targets)
    ec.out.line(`assignVariable(${ec.state}, ${jsString(target)}, ${text});`);
}
