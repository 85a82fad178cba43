import type { OutputStmt } from '../../../ir/ir.js';
import type { EmitContext } from '../emit-context.js';

/** `{{ expr }}`: written at once when known, else as a pending piece of text. */
export function emitOutput(stmt: OutputStmt, ec: EmitContext): void {
  ec.at(stmt.span);
  const value = ec.expr.emit(stmt.expr, ec.state);
  if (ec.expr.mayPend(stmt.expr))
    ec.out.line(`${ec.state}.out.write(whenKnown(${value}, renderOutput));`);
  else ec.write(`renderOutput(${value})`);
}
