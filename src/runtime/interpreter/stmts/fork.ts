import type { ForkStmt, ForStmt } from '../../../ir/ir.js';
import { assignedNames } from '../assigned-names.js';
import { assignVariable } from '../assign.js';
import { callBindings } from '../call-bindings.js';
import { deferStatement } from '../defer.js';
import { evalExpr } from '../eval-expr.js';
import { execBody } from '../exec.js';
import type { ExecState, OutputCollector } from '../exec-state.js';
import { deriveState } from '../exec-state.js';
import { OutputBuffer, type PrefixRef } from '../output-buffer.js';
import { isUnsettled, settle } from '../pending.js';
import { childSampleKey } from '../sample-key.js';
import { createLoop, iterateFor } from '../values.js';
import { collectIterationOutputs } from './for.js';
import { LexicalScope } from '../lexical-scope.js';

/**
 * `{% fork %}`: every branch starts from the prefix at the fork and does not see the others;
 * branch i runs with sample key suffix i; afterwards the branches' texts follow one another and
 * the names they assign are visible, later branches winning (LANGUAGE.md §7).
 */
export function execFork(stmt: ForkStmt, state: ExecState): void {
  const forkPoint = state.out.here();
  if (stmt.mode === 'branches') {
    const names = new Set<string>();
    const branches = stmt.branches.map((branch, index) => {
      for (const name of assignedNames(branch.body)) names.add(name);
      return runBranch(index, forkPoint, state, (branchState) =>
        execBody(branch.body, branchState),
      );
    });
    joinBranches(branches, [...names], state);
    return;
  }
  const iterable = settle(evalExpr(stmt.loop.iterable, state));
  if (isUnsettled(iterable)) {
    deferStatement(stmt, state, iterable, (deferred, value) =>
      runForkLoop(stmt.loop, value, deferred),
    );
    return;
  }
  runForkLoop(stmt.loop, iterable, state);
}

interface BranchResult {
  buffer: OutputBuffer;
  state: ExecState;
}

function runBranch(
  index: number,
  forkPoint: PrefixRef,
  state: ExecState,
  run: (branchState: ExecState) => void,
): BranchResult {
  const buffer = new OutputBuffer(forkPoint);
  buffer.role = state.out.role;
  const branchState = deriveState(state, {
    frame: state.frame.snapshot(),
    context: state.context.snapshot(),
    lexical: state.lexical ? state.lexical.snapshot() : null,
    out: buffer,
    sample: childSampleKey(state.sample, index),
  });
  run(branchState);
  return { buffer, state: branchState };
}

function runForkLoop(loop: ForStmt, iterable: unknown, state: ExecState): void {
  const forkPoint = state.out.here();
  const { rows, length } = iterateFor(iterable, loop.targets.length);
  const bound = callBindings(loop.body);
  const iterations: OutputCollector[] = [];
  const branches = rows.map((row, index) =>
    runBranch(index, forkPoint, state, (branchState) => {
      const frame = branchState.frame.push();
      for (let t = 0; t < loop.targets.length; t++) frame.set(loop.targets[t]!, row[t]);
      frame.set('loop', createLoop(index, length));
      const lexical = LexicalScope.extend(branchState.lexical ?? null, loop.targets, row);
      const outputs: OutputCollector = { values: {} };
      iterations.push(outputs);
      execBody(loop.body, deriveState(branchState, { frame, outputs, inLoop: true, lexical }));
    }),
  );
  joinBranches(branches, assignedNames(loop.body), state);
  collectIterationOutputs(bound, iterations, state.outputs);
  if (!length && loop.otherwise)
    execBody(loop.otherwise, deriveState(state, { frame: state.frame.push(), inLoop: true }));
}

function joinBranches(
  branches: readonly BranchResult[],
  names: readonly string[],
  state: ExecState,
): void {
  for (const branch of branches) state.out.append(branch.buffer);
  for (const name of names) {
    for (const branch of branches) {
      const value = branch.state.frame.lookup(name);
      if (value !== undefined) assignVariable(state, name, value);
    }
  }
}
