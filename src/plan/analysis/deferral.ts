import type { Stmt } from '../../ir/ir.js';
import { assignedNamesOf } from '../../runtime/interpreter/assigned-names.js';
import type { Origin, Reads } from './origins.js';
import type { AnalysisState } from './state.js';

/**
 * What `deferStatement` (src/runtime/interpreter/defer.ts) does to the statements after one
 * whose head waits for calls: its text has a place that is complete only once the head is
 * known, and every name it may assign waits for the head too (whether or not it assigns it).
 */
export function applyDeferral(state: AnalysisState, stmt: Stmt, head: Reads): void {
  if (head.size === 0) return;
  const origins: Origin[] = [...head.keys()];
  for (const name of assignedNamesOf(stmt)) {
    const owner = state.frame.resolve(name, true) ?? (stmt.kind === 'for' ? null : state.frame);
    if (!owner) continue; // A loop's own new variables stay inside the loop.
    const current = owner.vars.get(name);
    const value = {
      ...(current ?? {}),
      origins: new Set([...(current?.origins ?? []), ...origins]),
    };
    owner.vars.set(name, value);
    if (owner.topLevel) state.context.vars.set(name, value);
  }
  state.out.write(origins);
}
