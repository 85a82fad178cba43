import type { AnalysisState } from './state.js';
import { joinSnapshots, restoreSnapshot, takeSnapshot } from './store.js';

/**
 * Runs alternatives (the branches of an `if`, a loop's body and its `else`) each from the store
 * as it is now, and leaves the join of their outcomes; with `orNone`, also of running none.
 */
export function runAlternatives(
  state: AnalysisState,
  alternatives: readonly ((state: AnalysisState) => void)[],
  orNone: boolean,
): void {
  const start = takeSnapshot(state);
  const outcomes = [];
  for (const alternative of alternatives) {
    restoreSnapshot(state, start);
    alternative(state);
    outcomes.push(takeSnapshot(state));
  }
  if (orNone || alternatives.length === 0) outcomes.push(start);
  restoreSnapshot(state, joinSnapshots(outcomes));
}
