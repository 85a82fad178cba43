import type { RoleStmt } from '../../../ir/ir.js';
import { execBody } from '../exec.js';
import type { ExecState } from '../exec-state.js';

/** `{% role "system" %}…{% endrole %}`: the text inside is spoken by that role. */
export function execRole(stmt: RoleStmt, state: ExecState): void {
  const previous = state.out.role;
  state.out.role = stmt.role;
  try {
    execBody(stmt.body, state);
  } finally {
    state.out.role = previous;
  }
}
