import type { Stmt } from '../../ir/ir.js';
import { assignVariable } from '../../runtime/interpreter/assign.js';
import { deferStatement } from '../../runtime/interpreter/defer.js';
import type { ExecState, OutputCollector, Value } from '../../runtime/interpreter/exec-state.js';
import { LexicalScope } from '../../runtime/interpreter/lexical-scope.js';
import { OutputBuffer, type PrefixRef } from '../../runtime/interpreter/output-buffer.js';
import { isUnsettled, settle } from '../../runtime/interpreter/pending.js';
import { childSampleKey } from '../../runtime/interpreter/sample-key.js';
import { collectIterationOutputs } from '../../runtime/interpreter/stmts/for.js';
import { createLoop, iterateFor } from '../../runtime/interpreter/values.js';
import type { Body } from './control.js';

/*
 * `{% fork %}` for generated code, as src/runtime/interpreter/stmts/fork.ts runs it: every
 * branch starts from the prefix at the fork with copies of the variables and its own sample
 * key; afterwards the branches' texts follow one another and the names they assign are visible,
 * later branches winning. (Mirrors that file's private runBranch/joinBranches.)
 */

/** `{% fork %}{% branch %}…{% endbranch %}…{% endfork %}`; `names` are what the branches may assign. */
export function forkBranches(
  state: ExecState,
  bodies: readonly Body[],
  names: readonly string[],
): void {
  const forkPoint = state.out.here();
  const branches = bodies.map((body, index) => runBranch(index, forkPoint, state, body));
  joinBranches(branches, names, state);
}

/** `{% fork %}{% for … %}…{% endfor %}{% endfork %}`: each iteration a branch. */
export function forkLoop(
  state: ExecState,
  skeleton: Stmt,
  targets: readonly string[],
  iterable: Value,
  bound: readonly string[],
  names: readonly string[],
  body: Body,
  otherwise: Body | null,
): void {
  const value = settle(iterable);
  if (isUnsettled(value)) {
    deferStatement(skeleton, state, value, (deferred, known) =>
      runForkLoop(deferred, targets, known, bound, names, body, otherwise),
    );
    return;
  }
  runForkLoop(state, targets, value, bound, names, body, otherwise);
}

interface BranchResult {
  buffer: OutputBuffer;
  state: ExecState;
}

function runBranch(index: number, forkPoint: PrefixRef, state: ExecState, run: Body): BranchResult {
  const buffer = new OutputBuffer(forkPoint);
  buffer.role = state.out.role;
  const branchState: ExecState = {
    ...state,
    frame: state.frame.snapshot(),
    context: state.context.snapshot(),
    lexical: state.lexical ? state.lexical.snapshot() : null,
    out: buffer,
    sample: childSampleKey(state.sample, index),
  };
  run(branchState);
  return { buffer, state: branchState };
}

function runForkLoop(
  state: ExecState,
  targets: readonly string[],
  iterable: unknown,
  bound: readonly string[],
  names: readonly string[],
  body: Body,
  otherwise: Body | null,
): void {
  const forkPoint = state.out.here();
  const { rows, length } = iterateFor(iterable, targets.length);
  const iterations: OutputCollector[] = [];
  const branches = rows.map((row, index) =>
    runBranch(index, forkPoint, state, (branchState) => {
      const frame = branchState.frame.push();
      for (let t = 0; t < targets.length; t++) frame.set(targets[t]!, row[t]);
      frame.set('loop', createLoop(index, length));
      const lexical = LexicalScope.extend(branchState.lexical ?? null, targets, row);
      const outputs: OutputCollector = { values: {} };
      iterations.push(outputs);
      body({ ...branchState, frame, outputs, inLoop: true, lexical });
    }),
  );
  joinBranches(branches, names, state);
  collectIterationOutputs(bound, iterations, state.outputs);
  if (!length && otherwise) otherwise({ ...state, frame: state.frame.push(), inLoop: true });
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
