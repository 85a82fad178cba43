import type { Stmt } from '../../ir/ir.js';
import { deferStatement } from '../../runtime/interpreter/defer.js';
import type { ExecState, OutputCollector, Value } from '../../runtime/interpreter/exec-state.js';
import { LexicalScope } from '../../runtime/interpreter/lexical-scope.js';
import { isUnsettled, settle } from '../../runtime/interpreter/pending.js';
import { collectIterationOutputs } from '../../runtime/interpreter/stmts/for.js';
import { createLoop, isTruthy, iterateFor } from '../../runtime/interpreter/values.js';

/** A compiled statement list: writes to `state.out`, assigns in `state.frame`. */
export type Body = (state: ExecState) => void;

/**
 * `{% if %}…{% elif %}…{% else %}` whose tests may wait for calls, as `execIf` runs it: tests in
 * order; at the first test that is not known yet, the rest of the statement is deferred until
 * it is, without holding up what follows. (An `if` whose tests never wait compiles to a plain
 * JavaScript `if`.)
 */
export function ifChain(
  state: ExecState,
  skeleton: Stmt,
  tests: readonly ((state: ExecState) => Value)[],
  bodies: readonly Body[],
  otherwise: Body | null,
): void {
  const fromBranch = (index: number, current: ExecState): void => {
    for (let i = index; i < tests.length; i++) {
      const value = settle(tests[i]!(current));
      if (isUnsettled(value)) {
        deferStatement(skeleton, current, value, (deferred, known) => {
          if (isTruthy(known)) bodies[i]!(deferred);
          else fromBranch(i + 1, deferred);
        });
        return;
      }
      if (isTruthy(value)) {
        bodies[i]!(current);
        return;
      }
    }
    if (otherwise) otherwise(current);
  };
  fromBranch(0, state);
}

/**
 * `{% for targets in iterable %}…{% else %}…{% endfor %}`, as `execFor` and `runLoop`
 * (src/runtime/interpreter/stmts/for.ts, which takes IR; this is its mirror) run it:
 * deferred if the list is not known yet; each iteration in the loop's frame with `loop` set;
 * names bound by call blocks inside (`bound`) collected into lists, one entry per iteration.
 */
export function forLoop(
  state: ExecState,
  skeleton: Stmt,
  targets: readonly string[],
  iterable: Value,
  bound: readonly string[],
  body: Body,
  otherwise: Body | null,
): void {
  const value = settle(iterable);
  if (isUnsettled(value)) {
    deferStatement(skeleton, state, value, (deferred, known) =>
      runLoop(deferred, targets, known, bound, body, otherwise),
    );
    return;
  }
  runLoop(state, targets, value, bound, body, otherwise);
}

function runLoop(
  state: ExecState,
  targets: readonly string[],
  iterable: unknown,
  bound: readonly string[],
  body: Body,
  otherwise: Body | null,
): void {
  const frame = state.frame.push();
  // The targets are compiled variables in nunjucks: one binding, updated every iteration.
  const lexical = LexicalScope.extend(state.lexical ?? null, targets, []);
  const loopState: ExecState = { ...state, frame, inLoop: true, lexical };
  const { rows, length } = iterateFor(iterable, targets.length);
  const iterations: OutputCollector[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    for (let t = 0; t < targets.length; t++) {
      frame.set(targets[t]!, row[t]);
      lexical.names[targets[t]!] = row[t];
    }
    frame.set('loop', createLoop(i, length));
    if (bound.length === 0) {
      body(loopState);
    } else {
      const outputs: OutputCollector = { values: {} };
      iterations.push(outputs);
      body({ ...loopState, outputs });
    }
  }
  collectIterationOutputs(bound, iterations, state.outputs);
  if (!length && otherwise) otherwise(loopState);
}
