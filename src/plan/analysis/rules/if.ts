import type { IfStmt } from '../../../ir/ir.js';
import { runAlternatives } from '../alternatives.js';
import { analyzeBody } from '../body.js';
import { applyDeferral } from '../deferral.js';
import { analyzeExpr, conditionState } from '../expr.js';
import { guardOf, underGuard } from '../guards.js';
import { addReads, noReads, type Reads } from '../origins.js';
import type { AnalysisState } from '../state.js';

/**
 * `{% if %}…{% elif %}…{% else %}`: the tests are read in order, so the calls of branch i wait
 * for what tests 0 … i read; a branch reached through a test that waits for calls runs deferred
 * (src/runtime/interpreter/stmts/if.ts). The outcome is the join of the branches.
 */
export function analyzeIf(stmt: IfStmt, state: AnalysisState): void {
  const guard = guardOf(state, stmt, {
    kind: 'if',
    file: state.template.path,
    span: stmt.span,
    branches: stmt.branches.length + (stmt.otherwise ? 1 : 0),
    exhaustive: stmt.otherwise !== null,
  });
  const alternatives: ((state: AnalysisState) => void)[] = [];
  let tested: Reads = noReads();
  stmt.branches.forEach((branch, index) => {
    // A test is evaluated only when the ones before it were false, which is also when it can
    // start calls (inline macros); evaluating it once here covers every way of reaching it.
    tested = addReads(
      new Map(tested),
      analyzeExpr(branch.test, conditionState(state, tested)).reads,
    );
    const reads = tested;
    alternatives.push((s) => {
      analyzeBody(branch.body, conditionState(underGuard(s, guard, index), reads));
      applyDeferral(s, stmt, reads);
    });
  });
  const allTested = tested;
  const otherwise = stmt.otherwise;
  alternatives.push((s) => {
    if (otherwise)
      analyzeBody(otherwise, conditionState(underGuard(s, guard, stmt.branches.length), allTested));
    applyDeferral(s, stmt, allTested);
  });
  runAlternatives(state, alternatives, false);
}
