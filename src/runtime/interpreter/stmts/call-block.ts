import type { CallBlockStmt, Expr, RoleName } from '../../../ir/ir.js';
import { assignVariable } from '../assign.js';
import { evalExpr } from '../eval-expr.js';
import type { ExecState, Value } from '../exec-state.js';
import { deriveState } from '../exec-state.js';
import { whenKnown, whenAllKnown } from '../pending.js';
import { renderCallTerm } from '../values.js';
import { bindOutput } from './for.js';

/**
 * `<< [name =] term + term … >>`. Each term's text is written as soon as the term is evaluated,
 * so a call in term k sees the prefix followed by terms 1 … k−1 (LANGUAGE.md §4). The bound
 * value is the call's raw result for a single builtin call, else the block's text.
 */
export function execCallBlock(stmt: CallBlockStmt, state: ExecState): void {
  const texts: Value[] = [];
  let raw: Value = undefined;
  const termState: ExecState = deriveState(state, { callBlock: stmt.span });
  for (const term of stmt.terms) {
    const value = evalExpr(term, termState);
    raw = value;
    const text = whenKnown(value, renderCallTerm);
    texts.push(text);
    if (term.kind === 'builtinCall') state.out.writeReply(text, replyRole(term, state.out.role));
    else state.out.writeAs(text, replyRole(term, state.out.role));
  }
  if (stmt.target === null) return;
  const single = stmt.terms.length === 1 && stmt.terms[0]!.kind === 'builtinCall';
  const bound = single ? raw : whenAllKnown(texts, (parts) => parts.join(''));
  assignVariable(state, stmt.target, bound);
  bindOutput(state.outputs, stmt.target, bound);
}

/** A reply inside a role block belongs to it; a chat or instruct reply outside one to `assistant`. */
function replyRole(term: Expr, role: RoleName | null): RoleName | null {
  if (role !== null) return role;
  return term.kind === 'builtinCall' && (term.name === 'chat' || term.name === 'instruct')
    ? 'assistant'
    : null;
}
