import type { OutputStmt } from '../../../ir/ir.js';
import { evalExpr } from '../eval-expr.js';
import type { ExecState } from '../exec-state.js';
import { whenKnown } from '../pending.js';
import { renderOutput } from '../values.js';

/** `{{ expr }}` */
export function execOutput(stmt: OutputStmt, state: ExecState): void {
  state.out.write(whenKnown(evalExpr(stmt.expr, state), renderOutput));
}
