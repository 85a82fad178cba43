import { addCounts, countOf, evaluateCount, multiplyCounts, type Count } from './count.js';
import type { CriticalPath, PlannedCall, PlannedLoop } from './plan-types.js';

/** The value symbolic lengths take when two paths are compared (a list of ten items). */
const NOMINAL_LENGTH = 10;

/**
 * The critical path: the chain of waits that ends last, found backwards from the latest stage
 * (ties broken by the weighted length). Its length counts a call inside a loop whose iterations
 * cannot overlap once per iteration of that loop.
 */
export function findCriticalPath(
  calls: readonly PlannedCall[],
  loops: readonly PlannedLoop[],
): CriticalPath {
  if (calls.length === 0) return { calls: [], length: countOf(0) };
  const byId = new Map(calls.map((call) => [call.id, call]));
  const sequential = new Map(
    loops.filter((loop) => !loop.concurrent).map((loop) => [loop.id, loop]),
  );
  const weight = (call: PlannedCall): Count => {
    let result = countOf(1);
    for (const entry of call.scope) {
      const loop = entry.kind === 'loop' ? sequential.get(entry.loop) : undefined;
      if (loop) result = multiplyCounts(result, loop.iterations);
    }
    return result;
  };

  // The weighted length of the longest chain ending at each call.
  const lengths = new Map<string, { length: Count; previous: string | null }>();
  const lengthOf = (call: PlannedCall): Count => {
    const known = lengths.get(call.id);
    if (known) return known.length;
    let best: { length: Count; previous: string | null } = { length: countOf(0), previous: null };
    for (const wait of call.waitsFor) {
      const before = byId.get(wait.call);
      if (!before || wait.previousIteration !== undefined || before.stage >= call.stage) continue;
      const candidate = lengthOf(before);
      if (
        best.previous === null ||
        compare(before, candidate, byId.get(best.previous)!, best.length) > 0
      ) {
        best = { length: candidate, previous: before.id };
      }
    }
    const entry = { length: addCounts(best.length, weight(call)), previous: best.previous };
    lengths.set(call.id, entry);
    return entry.length;
  };

  let last = calls[0]!;
  for (const call of calls)
    if (compare(call, lengthOf(call), last, lengthOf(last)) > 0) last = call;
  const path: string[] = [];
  for (let id: string | null = last.id; id !== null; id = lengths.get(id)!.previous)
    path.unshift(id);
  return { calls: path, length: lengthOf(last) };
}

function compare(a: PlannedCall, aLength: Count, b: PlannedCall, bLength: Count): number {
  const nominal = () => NOMINAL_LENGTH;
  return a.stage - b.stage || evaluateCount(aLength, nominal) - evaluateCount(bLength, nominal);
}
