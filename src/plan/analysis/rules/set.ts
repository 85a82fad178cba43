import type { SetStmt } from '../../../ir/ir.js';
import { analyzeExpr, valueOf } from '../expr.js';
import { assignAbstract } from '../scope.js';
import type { AnalysisState } from '../state.js';

/** `{% set a, b = value %}`: the targets hold what the value reads. */
export function analyzeSet(stmt: SetStmt, state: AnalysisState): void {
  const value = valueOf(analyzeExpr(stmt.value, state));
  for (const target of stmt.targets) assignAbstract(state.frame, state.context, target, value);
}
