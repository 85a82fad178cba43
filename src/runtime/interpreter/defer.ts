import type { Stmt } from '../../ir/ir.js';
import { assignedNamesOf } from './assigned-names.js';
import type { ExecState } from './exec-state.js';
import { deriveState } from './exec-state.js';
import type { Frame } from './frame.js';
import { Pending, resolveDeep } from './pending.js';
import { findLexical } from './lexical-scope.js';

/**
 * Runs `stmt` once `waitFor` is known, without holding up the statements after it: its text
 * gets an inline place in the output now, it sees the variables as they are here (a snapshot),
 * and the names it may assign are pending until it has run. This is what lets a call after an
 * `if` on another call's result start at once when it does not depend on that `if`.
 */
export function deferStatement<T>(
  stmt: Stmt,
  state: ExecState,
  waitFor: Pending<T>,
  continuation: (state: ExecState, value: T) => void,
): void {
  const child = state.out.openChild();
  const copies = new Map<Frame, Frame>();
  const frame = state.frame.snapshot(copies);
  const context = state.context.snapshot();
  const lexical = state.lexical ? state.lexical.snapshot() : null;
  // Its calls sort where it stands in the source, though they start after later statements'.
  const order = state.order.open();
  const deferredState: ExecState = deriveState(state, {
    frame,
    context,
    out: child,
    lexical,
    order,
  });

  const finished = waitFor.promise.then((value) => {
    try {
      continuation(deferredState, value);
    } finally {
      child.close();
      order.close();
    }
  });
  // If it never runs (what it waits for failed), no call will come from it.
  finished.catch(order.close);
  state.run.track(finished);

  for (const name of assignedNamesOf(stmt)) {
    const scope = state.lexical ? findLexical(state.lexical, name) : null;
    if (scope) {
      const copy = findLexical(lexical, name)!;
      scope.names[name] = new Pending(finished.then(() => resolveDeep(copy.names[name])));
    }
    const owner = state.frame.resolve(name, true) ?? (stmt.kind === 'for' ? null : state.frame);
    if (!owner) continue; // A loop's own new variables stay inside the loop.
    const ownerCopy = copies.get(owner)!;
    const pending = new Pending(finished.then(() => resolveDeep(ownerCopy.variables[name])));
    owner.set(name, pending);
    if (owner.topLevel) state.context.setVariable(name, pending);
  }
}
