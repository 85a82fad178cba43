import type { ForStmt } from '../../../ir/ir.js';
import { callBindings } from '../call-bindings.js';
import { deferStatement } from '../defer.js';
import { evalExpr } from '../eval-expr.js';
import { execBody } from '../exec.js';
import type { ExecState, OutputCollector } from '../exec-state.js';
import { isUnsettled, settle } from '../pending.js';
import { createLoop, iterateFor } from '../values.js';
import { LexicalScope } from '../lexical-scope.js';

/** `{% for … in … %}…{% else %}…{% endfor %}`; waits only if the list is pending. */
export function execFor(stmt: ForStmt, state: ExecState): void {
  const iterable = settle(evalExpr(stmt.iterable, state));
  if (isUnsettled(iterable)) {
    deferStatement(stmt, state, iterable, (deferred, value) => runLoop(stmt, deferred, value));
    return;
  }
  runLoop(stmt, state, iterable);
}

/** Runs the loop over a known value, as nunjucks' compiled `for` does. */
export function runLoop(stmt: ForStmt, state: ExecState, iterable: unknown): void {
  const frame = state.frame.push();
  // The targets are compiled variables in nunjucks: one binding, updated every iteration.
  const lexical = LexicalScope.extend(state.lexical ?? null, stmt.targets, []);
  const loopState: ExecState = { ...state, frame, inLoop: true, lexical };
  const { rows, length } = iterateFor(iterable, stmt.targets.length);
  const bound = callBindings(stmt.body);
  const iterations: OutputCollector[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    for (let t = 0; t < stmt.targets.length; t++) {
      frame.set(stmt.targets[t]!, row[t]);
      lexical.names[stmt.targets[t]!] = row[t];
    }
    frame.set('loop', createLoop(i, length));
    if (bound.length === 0) {
      execBody(stmt.body, loopState);
    } else {
      const outputs: OutputCollector = { values: {} };
      iterations.push(outputs);
      execBody(stmt.body, { ...loopState, outputs });
    }
  }
  collectIterationOutputs(bound, iterations, state.outputs);
  if (!length && stmt.otherwise) execBody(stmt.otherwise, loopState);
}

/** A name bound by a call inside a loop is an output list, one entry per iteration (LANGUAGE.md §4). */
export function collectIterationOutputs(
  names: readonly string[],
  iterations: readonly OutputCollector[],
  into: OutputCollector,
): void {
  for (const name of names) {
    into.values[name] = iterations.map((iteration) => iteration.values[name] ?? null);
  }
}
