import type { OutputStmt } from '../../../ir/ir.js';
import { analyzeExpr } from '../expr.js';
import type { AnalysisState } from '../state.js';

/** `{{ expr }}`: its text waits for what the expression reads. */
export function analyzeOutput(stmt: OutputStmt, state: AnalysisState): void {
  state.out.write(analyzeExpr(stmt.expr, state).reads.keys());
}
