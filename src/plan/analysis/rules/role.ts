import type { RoleStmt } from '../../../ir/ir.js';
import { analyzeBody } from '../body.js';
import type { AnalysisState } from '../state.js';

/** `{% role %}`: changes what chat calls receive, not what anything waits for. */
export function analyzeRole(stmt: RoleStmt, state: AnalysisState): void {
  analyzeBody(stmt.body, { ...state, scope: [...state.scope, { kind: 'role', role: stmt.role }] });
}
