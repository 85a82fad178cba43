import type { Stmt } from '../../ir/ir.js';
import type { ExecState } from './exec-state.js';
import { statementExecutors } from './stmts/index.js';
import { locateError } from './runtime-error.js';

const { text: execText, output: execOutput } = statementExecutors;

/** Executes statements in order, writing their text to `state.out`. */
export function execBody(stmts: readonly Stmt[], state: ExecState): void {
  for (let i = 0; i < stmts.length; i++) execStmt(stmts[i]!, state);
}

/** Executes one statement; an error is located at the statement unless it already has a place. */
export function execStmt(stmt: Stmt, state: ExecState): void {
  try {
    // Text and output are most statements of a prompt: called directly, the rest through the
    // table (a keyed lookup that goes megamorphic on the kinds).
    if (stmt.kind === 'text') execText(stmt, state);
    else if (stmt.kind === 'output') execOutput(stmt, state);
    else (statementExecutors[stmt.kind] as (stmt: Stmt, state: ExecState) => void)(stmt, state);
  } catch (error) {
    throw locateError(error, stmt.span, state.template.path);
  }
}
