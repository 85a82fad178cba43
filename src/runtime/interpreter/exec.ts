import type { Stmt } from '../../ir/ir.js';
import type { ExecState } from './exec-state.js';
import { statementExecutors } from './stmts/index.js';
import { locateError } from './runtime-error.js';

/** Executes statements in order, writing their text to `state.out`. */
export function execBody(stmts: readonly Stmt[], state: ExecState): void {
  for (const stmt of stmts) execStmt(stmt, state);
}

/** Executes one statement; an error is located at the statement unless it already has a place. */
export function execStmt(stmt: Stmt, state: ExecState): void {
  try {
    (statementExecutors[stmt.kind] as (stmt: Stmt, state: ExecState) => void)(stmt, state);
  } catch (error) {
    throw locateError(error, stmt.span, state.template.path);
  }
}
