import { addCounts, countOf, maxCounts, minCounts, multiplyCounts, type Count } from './count.js';
import type { CallEstimate, PlannedCall, PlannedGuard } from './plan-types.js';

/**
 * Bounds on the requests of a run: each call site counts its repeat × samples; under a guard,
 * the maximum takes the costliest alternative and the minimum the cheapest (nothing, unless
 * one alternative always runs and every alternative makes calls).
 */
export function estimateCalls(
  calls: readonly PlannedCall[],
  guards: readonly PlannedGuard[],
): CallEstimate {
  const guardById = new Map(guards.map((guard) => [guard.id, guard]));
  return bounds(calls, 0, guardById);
}

function bounds(
  calls: readonly PlannedCall[],
  depth: number,
  guards: ReadonlyMap<string, PlannedGuard>,
): CallEstimate {
  let min = countOf(0);
  let max = countOf(0);
  const byGuard = new Map<string, PlannedCall[]>();
  for (const call of calls) {
    const choice = call.guards[depth];
    if (!choice) {
      const requests = requestsOf(call);
      min = addCounts(min, requests);
      max = addCounts(max, requests);
    } else {
      byGuard.set(choice.guard, [...(byGuard.get(choice.guard) ?? []), call]);
    }
  }
  for (const [guardId, guarded] of byGuard) {
    const guard = guards.get(guardId)!;
    const byBranch = new Map<number, PlannedCall[]>();
    for (const call of guarded) {
      const branch = call.guards[depth]!.branch;
      byBranch.set(branch, [...(byBranch.get(branch) ?? []), call]);
    }
    const outcomes = [...byBranch.values()].map((branchCalls) =>
      bounds(branchCalls, depth + 1, guards),
    );
    let guardMax = countOf(0);
    for (const outcome of outcomes) guardMax = maxCounts(guardMax, outcome.max);
    let guardMin: Count = countOf(0);
    if (guard.exhaustive && byBranch.size === guard.branches) {
      guardMin = outcomes[0]!.min;
      for (const outcome of outcomes.slice(1)) guardMin = minCounts(guardMin, outcome.min);
    }
    min = addCounts(min, guardMin);
    max = addCounts(max, guardMax);
  }
  return { min, max };
}

function requestsOf(call: PlannedCall): Count {
  return multiplyCounts(call.repeat, call.samples);
}
