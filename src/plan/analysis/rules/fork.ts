import type { ForkStmt, ForStmt } from '../../../ir/ir.js';
import { assignedNames } from '../../../runtime/interpreter/assigned-names.js';
import { countOf } from '../../count.js';
import { runAlternatives } from '../alternatives.js';
import { analyzeBody } from '../body.js';
import { applyDeferral } from '../deferral.js';
import { analyzeExpr } from '../expr.js';
import { guardOf, underGuard } from '../guards.js';
import { loopCount, loopListState, loopNodeOf, targetNames } from '../loop-node.js';
import { repeatInside } from '../register-call.js';
import { AbstractBuffer, assignAbstract, KNOWN, type AbstractFrame } from '../scope.js';
import type { AnalysisState } from '../state.js';

/**
 * `{% fork %}`: every branch starts from the prefix at the fork with a copy of the variables,
 * so branches never wait for one another; afterwards their texts follow one another and the
 * names they assign are visible, later branches winning (src/runtime/interpreter/stmts/fork.ts).
 */
export function analyzeFork(stmt: ForkStmt, state: AnalysisState): void {
  if (stmt.mode === 'loop') {
    analyzeForkLoop(stmt, stmt.loop, state);
    return;
  }
  const loopKey = loopNodeOf(state, stmt, 'fork', countOf(stmt.branches.length));
  const forkPoint = state.out.prefix();
  const names = new Set<string>();
  const branches = stmt.branches.map((branch, index) => {
    for (const name of assignedNames(branch.body)) names.add(name);
    return runBranch(state, forkPoint, (branchState) =>
      analyzeBody(branch.body, {
        ...branchState,
        loops: [...state.loops, loopKey],
        scope: [...state.scope, { kind: 'branch', loop: loopKey, branch: index }],
      }),
    );
  });
  joinBranches(state, branches, [...names]);
}

function analyzeForkLoop(stmt: ForkStmt, loop: ForStmt, state: AnalysisState): void {
  const list = analyzeExpr(loop.iterable, state);
  const iterations = loopCount(list, loop);
  const loopKey = loopNodeOf(state, stmt, 'fork loop', iterations);
  const inner = loopListState(state, list, 'fork');
  const body = (s: AnalysisState) => {
    // One branch stands for all: they run the same body from the same point, with copies.
    const branch = runBranch({ ...inner, out: s.out }, s.out.prefix(), (branchState) => {
      const frame = branchState.frame.push();
      for (const name of targetNames(loop)) frame.set(name, KNOWN);
      analyzeBody(loop.body, {
        ...branchState,
        frame,
        inLoop: true,
        repeat: repeatInside(s, iterations),
        loops: [...s.loops, loopKey],
        scope: [...s.scope, { kind: 'loop', loop: loopKey }],
      });
    });
    joinBranches(s, [branch], assignedNames(loop.body));
  };
  const otherwise = loop.otherwise;
  const none = (s: AnalysisState) => {
    if (otherwise) {
      const guard = guardOf(s, otherwise, {
        kind: 'loop else',
        file: s.template.path,
        span: loop.span,
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

interface BranchOutcome {
  buffer: AbstractBuffer;
  frame: AbstractFrame;
}

function runBranch(
  state: AnalysisState,
  forkPoint: Set<string>,
  run: (state: AnalysisState) => void,
): BranchOutcome {
  const buffer = new AbstractBuffer(forkPoint);
  const frame = state.frame.snapshot();
  run({ ...state, frame, context: state.context.snapshot(), out: buffer });
  return { buffer, frame };
}

function joinBranches(
  state: AnalysisState,
  branches: readonly BranchOutcome[],
  names: readonly string[],
): void {
  for (const branch of branches) state.out.write(branch.buffer.own);
  for (const name of names) {
    for (const branch of branches) {
      const value = branch.frame.lookup(name);
      if (value !== undefined) assignAbstract(state.frame, state.context, name, value);
    }
  }
}
