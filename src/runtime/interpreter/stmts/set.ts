import type { SetStmt } from '../../../ir/ir.js';
import { evalExpr } from '../eval-expr.js';
import type { ExecState } from '../exec-state.js';
import { assignVariable } from '../assign.js';

/** `{% set a, b = value %}`; a pending value is stored as is and read when known. */
export function execSet(stmt: SetStmt, state: ExecState): void {
  const value = evalExpr(stmt.value, state);
  for (const target of stmt.targets) assignVariable(state, target, value);
}
