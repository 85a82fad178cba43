import type { ForStmt } from '../../../ir/ir.js';
import { callBindings } from '../call-bindings.js';
import { deferStatement } from '../defer.js';
import { evalExpr } from '../eval-expr.js';
import { execBody } from '../exec.js';
import type { ExecState, OutputCollector } from '../exec-state.js';
import { deriveState } from '../exec-state.js';
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
  const loopState: ExecState = deriveState(state, { frame, inLoop: true, lexical });
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
      execBody(stmt.body, deriveState(loopState, { outputs }));
    }
  }
  collectIterationOutputs(bound, iterations, state.outputs);
  if (!length && stmt.otherwise) execBody(stmt.otherwise, loopState);
}

/**
 * A name bound by a call inside a loop is an output list, one entry per iteration (LANGUAGE.md
 * §4). A statement of the body that waits for a call binds its names after the loop has
 * finished walking, so each iteration's collector also writes into its slot of the lists.
 */
export function collectIterationOutputs(
  names: readonly string[],
  iterations: readonly OutputCollector[],
  into: OutputCollector,
): void {
  const lists: Record<string, unknown[]> = {};
  for (const name of names) {
    lists[name] = iterations.map((iteration) => iteration.values[name] ?? null);
    bindOutput(into, name, lists[name]);
  }
  iterations.forEach((iteration, index) => {
    iteration.onBind = (name, value) => {
      const list = lists[name];
      if (list) list[index] = value;
    };
  });
}

/** Records a bound name in a collector (and in the loop list it feeds, if any). */
export function bindOutput(outputs: OutputCollector, name: string, value: unknown): void {
  outputs.values[name] = value;
  outputs.onBind?.(name, value);
}
