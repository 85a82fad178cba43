import type { TextStmt } from '../../../ir/ir.js';
import type { ExecState } from '../exec-state.js';

/** Literal text. */
export function execText(stmt: TextStmt, state: ExecState): void {
  state.out.write(stmt.value);
}
