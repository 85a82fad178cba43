import type { ForStmt } from '../../../ir/ir.js';
import { runAlternatives } from '../alternatives.js';
import { analyzeBody } from '../body.js';
import { applyDeferral } from '../deferral.js';
import { analyzeExpr } from '../expr.js';
import { guardOf, underGuard } from '../guards.js';
import { loopCount, loopListState, loopNodeOf, targetNames } from '../loop-node.js';
import { runLoopPasses } from '../loop-passes.js';
import { repeatInside } from '../register-call.js';
import { KNOWN } from '../scope.js';
import type { AnalysisState } from '../state.js';

/**
 * `{% for %}`: the body once per item, each iteration seeing what the earlier ones wrote and
 * assigned (so a call whose prefix holds an earlier iteration's call waits for it); the `else`
 * body when there is no item; deferred when the list waits for calls
 * (src/runtime/interpreter/stmts/for.ts).
 */
export function analyzeFor(stmt: ForStmt, state: AnalysisState): void {
  const list = analyzeExpr(stmt.iterable, state);
  const iterations = loopCount(list, stmt);
  const loopKey = loopNodeOf(state, stmt, 'for', iterations);
  const inner = loopListState(state, list, 'loop list');
  const body = (s: AnalysisState) => {
    const frame = s.frame.push();
    for (const name of targetNames(stmt)) frame.set(name, KNOWN);
    const bodyState: AnalysisState = {
      ...inner,
      frame,
      inLoop: true,
      repeat: repeatInside(s, iterations),
      loops: [...s.loops, loopKey],
      scope: [...s.scope, { kind: 'loop', loop: loopKey }],
    };
    runLoopPasses(bodyState, loopKey, (passState) => analyzeBody(stmt.body, passState));
  };
  const otherwise = stmt.otherwise;
  const none = (s: AnalysisState) => {
    if (otherwise) {
      const guard = guardOf(s, otherwise, {
        kind: 'loop else',
        file: s.template.path,
        span: stmt.span,
        branches: 1,
        exhaustive: false,
      });
      analyzeBody(otherwise, {
        ...underGuard(inner, guard, 0),
        frame: s.frame.push(),
        inLoop: true,
      });
    }
  };
  runAlternatives(state, [body, none], false);
  applyDeferral(state, stmt, list.reads);
}
