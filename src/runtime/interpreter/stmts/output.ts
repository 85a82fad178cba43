import type { OutputStmt } from '../../../ir/ir.js';
import { evalExpr } from '../eval-expr.js';
import type { ExecState } from '../exec-state.js';
import { outputPiece } from '../placed-image.js';

/** `{{ expr }}`: its text, or the image an `image(…)` value places. */
export function execOutput(stmt: OutputStmt, state: ExecState): void {
  state.out.write(outputPiece(evalExpr(stmt.expr, state), state));
}
