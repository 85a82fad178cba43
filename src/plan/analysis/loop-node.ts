import type { Expr, ForStmt, Stmt } from '../../ir/ir.js';
import { countOf, countSymbol, type Count } from '../count.js';
import type { DependencyReason } from '../plan-types.js';
import { printExpr } from '../print-expr.js';
import type { Evaluation } from './expr.js';
import { nodeKey } from './node-key.js';
import { namesOf } from './origins.js';
import { withAmbient, type AnalysisState, type LoopNode } from './state.js';

/** The loop record of a statement in this instantiation (created on first visit). */
export function loopNodeOf(
  state: AnalysisState,
  stmt: Stmt,
  kind: LoopNode['kind'],
  iterations: Count,
): string {
  const key = `${state.instance}/${nodeKey(stmt)}`;
  if (!state.analysis.loops.has(key)) {
    const node: LoopNode = {
      id: null,
      kind,
      file: state.template.path,
      span: stmt.span,
      iterations,
      calls: new Set(),
    };
    state.analysis.loops.set(key, node);
    state.analysis.loopOrder.push(node);
  }
  return key;
}

/**
 * How many times a loop runs: a number when its list is known statically (a literal, `range`
 * of numbers, an input's default), else `len(expression)`. As nunjucks' `for` counts: a string's
 * characters, a dict's keys when unpacking several names, nothing for a falsy value.
 */
export function loopCount(list: Evaluation, loop: ForStmt): Count {
  if (!list.constant) return countSymbol(`len(${printExpr(loop.iterable)})`);
  const value = list.constant.value;
  if (!value) return countOf(0);
  if (Array.isArray(value) || typeof value === 'string') return countOf(value.length);
  if (typeof value === 'object' && loop.targets.length > 1)
    return countOf(Object.keys(value).length);
  return countOf(0);
}

/** The state inside a loop whose list reads `list`: its calls wait for it (`loop list` or `fork`). */
export function loopListState(
  state: AnalysisState,
  list: Evaluation,
  kind: 'loop list' | 'fork',
): AnalysisState {
  if (list.reads.size === 0) return state;
  const names = namesOf(list.reads);
  const reason: DependencyReason = { kind, names };
  return withAmbient(
    state,
    [...list.reads.keys()].map((origin) => [origin, reason]),
  );
}

/** The loop's target names, each bound to a known value (the list is known when the body runs). */
export function targetNames(loop: ForStmt): string[] {
  return [...loop.targets, 'loop'];
}

/** The iterable of a loop, for messages. */
export function iterableOf(loop: ForStmt): Expr {
  return loop.iterable;
}
