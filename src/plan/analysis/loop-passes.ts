import { parseOrigin, previousIteration, type Origin } from './origins.js';
import type { AnalysisState } from './state.js';
import { beginJournal, endJournal, undoTo } from './journal.js';
import {
  applyDelta,
  deltaCovers,
  deltaSince,
  joinDeltas,
  mapDelta,
  trackedOf,
  type StoreDelta,
} from './store.js';

/** Enough passes for a value to travel through a few variables from one iteration to a later one. */
const MAX_PASSES = 6;

/**
 * Analyses a loop body for as many iterations as it takes to see everything an iteration can
 * inherit from the ones before it. Between passes, what the body's calls produced is marked as
 * coming from the previous iteration, so a call that reads it (through a variable or its
 * prefix) records a wait on its predecessor's run: the iterations of that loop cannot overlap.
 * Afterwards the marks are removed: outside the loop, a call is a call.
 */
export function runLoopPasses(
  state: AnalysisState,
  loopKey: string,
  runBody: (state: AnalysisState) => void,
): void {
  const loop = state.analysis.loops.get(loopKey)!;
  const tracked = trackedOf(state);
  const mark = beginJournal();
  try {
    // Both are differences from the store as the loop found it.
    let entry: StoreDelta = { vars: new Map(), own: new Set() };
    let exit = entry;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      applyDelta(state, entry);
      runBody(state);
      exit = deltaSince(mark, tracked);
      undoTo(mark, tracked);
      const bodyCalls = new Set([...loop.calls].map((key) => state.analysis.calls.get(key)!.id));
      const marked = mapDelta(exit, (origin) =>
        bodyCalls.has(origin) ? previousIteration(loopKey, origin) : origin,
      );
      const next = joinDeltas([entry, marked], false);
      if (deltaCovers(entry, next, state.out.own)) break;
      entry = next;
    }
    applyDelta(
      state,
      mapDelta(exit, (origin) => unmark(origin, loopKey)),
    );
  } finally {
    endJournal();
  }
}

function unmark(origin: Origin, loopKey: string): Origin {
  const { call, loop } = parseOrigin(origin);
  return loop === loopKey ? call : origin;
}
