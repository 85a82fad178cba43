import type { PlannedGuard } from '../plan-types.js';
import { nodeKey } from './node-key.js';
import type { AnalysisState, GuardNode } from './state.js';

/** The guard of a node (an `if`, a conditional expression…) in this instantiation. */
export function guardOf(
  state: AnalysisState,
  node: object,
  descriptor: Omit<PlannedGuard, 'id'>,
): GuardNode {
  const key = `${state.instance}/${nodeKey(node)}`;
  let guard = state.analysis.guardsByKey.get(key);
  if (!guard) {
    guard = { descriptor, id: null };
    state.analysis.guardsByKey.set(key, guard);
  }
  return guard;
}

/** The state inside alternative `branch` of `guard`. */
export function underGuard(state: AnalysisState, guard: GuardNode, branch: number): AnalysisState {
  return { ...state, guards: [...state.guards, { guard, branch }] };
}
