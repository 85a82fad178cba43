import type { IfStmt } from '../../../ir/ir.js';
import { deferStatement } from '../defer.js';
import { evalExpr } from '../eval-expr.js';
import { execBody } from '../exec.js';
import type { ExecState } from '../exec-state.js';
import { isUnsettled, settle } from '../pending.js';
import { isTruthy } from '../values.js';

/** `{% if %}…{% elif %}…{% else %}…{% endif %}`; waits only if a test is pending. */
export function execIf(stmt: IfStmt, state: ExecState): void {
  execFromBranch(stmt, 0, state);
}

function execFromBranch(stmt: IfStmt, index: number, state: ExecState): void {
  for (let i = index; i < stmt.branches.length; i++) {
    const branch = stmt.branches[i]!;
    const test = settle(evalExpr(branch.test, state));
    if (isUnsettled(test)) {
      deferStatement(stmt, state, test, (deferred, value) => {
        if (isTruthy(value)) execBody(branch.body, deferred);
        else execFromBranch(stmt, i + 1, deferred);
      });
      return;
    }
    if (isTruthy(test)) {
      execBody(branch.body, state);
      return;
    }
  }
  if (stmt.otherwise) execBody(stmt.otherwise, state);
}
