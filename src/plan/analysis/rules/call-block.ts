import type { CallBlockStmt } from '../../../ir/ir.js';
import { analyzeExpr, valueOf, type Evaluation } from '../expr.js';
import { assignAbstract } from '../scope.js';
import type { AnalysisState } from '../state.js';

/**
 * `<< [name =] term + … >>`: each term's text is written as soon as it is evaluated, so a call
 * in term k has the text of terms 1 … k−1 in its prefix (LANGUAGE.md §4); the name holds the
 * call's result for a single builtin call, else the block's text.
 */
export function analyzeCallBlock(stmt: CallBlockStmt, state: AnalysisState): void {
  const inner: AnalysisState = { ...state, block: stmt };
  const terms: Evaluation[] = [];
  for (const term of stmt.terms) {
    const evaluation = analyzeExpr(term, inner);
    terms.push(evaluation);
    state.out.write(evaluation.reads.keys());
  }
  if (stmt.target === null) return;
  const single = stmt.terms.length === 1 && stmt.terms[0]!.kind === 'builtinCall';
  const value = single
    ? valueOf(terms[0]!)
    : { origins: new Set(terms.flatMap((t) => [...t.reads.keys()])) };
  assignAbstract(state.frame, state.context, stmt.target, value);
  for (const origin of value.origins) state.bound.add(origin);
}
