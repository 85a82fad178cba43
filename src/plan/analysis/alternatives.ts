import { beginJournal, endJournal, undoTo } from './journal.js';
import type { AnalysisState } from './state.js';
import { applyDelta, deltaSince, joinDeltas, trackedOf, type StoreDelta } from './store.js';

/**
 * Runs alternatives (the branches of an `if`, a loop's body and its `else`) each from the store
 * as it is now, and leaves the join of their outcomes; with `orNone`, also of running none.
 * Each alternative's writes are undone through the journal, so the cost is what they change.
 */
export function runAlternatives(
  state: AnalysisState,
  alternatives: readonly ((state: AnalysisState) => void)[],
  orNone: boolean,
): void {
  const tracked = trackedOf(state);
  const mark = beginJournal();
  try {
    const outcomes: StoreDelta[] = [];
    for (const alternative of alternatives) {
      alternative(state);
      outcomes.push(deltaSince(mark, tracked));
      undoTo(mark, tracked);
    }
    applyDelta(state, joinDeltas(outcomes, orNone || alternatives.length === 0));
  } finally {
    endJournal();
  }
}
