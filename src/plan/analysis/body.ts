import type { Stmt } from '../../ir/ir.js';
import { statementRules } from './rules/index.js';
import type { AnalysisState } from './state.js';

/** Analyses statements in order, as `execBody` runs them. */
export function analyzeBody(stmts: readonly Stmt[], state: AnalysisState): void {
  for (const stmt of stmts)
    (statementRules[stmt.kind] as (stmt: Stmt, state: AnalysisState) => void)(stmt, state);
}
