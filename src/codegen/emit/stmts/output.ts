import type { OutputStmt } from '../../../ir/ir.js';
import type { EmitContext } from '../emit-context.js';

/**
 * `{{ expr }}`: written at once when known, else as a pending piece of text; in a program that
 * uses `image()`, through `outputPiece`, which places an image where the value is one.
 */
export function emitOutput(stmt: OutputStmt, ec: EmitContext): void {
  ec.at(stmt.span);
  const value = ec.expr.emit(stmt.expr, ec.state);
  if (ec.module.facts.images)
    ec.out.line(`${ec.state}.out.write(outputPiece(${value}, ${ec.state}));`);
  else if (ec.expr.mayPend(stmt.expr))
    ec.out.line(`${ec.state}.out.write(whenKnown(${value}, renderOutput));`);
  else ec.write(`renderOutput(${value})`);
}
