import type { PlannedCall, PlannedStage } from './plan-types.js';

/**
 * Stage numbers: 1 for a call that waits for nothing, else one more than the latest stage it
 * waits for (the longest path from the start, counting each call once). Waits on a previous
 * iteration are left out: they order a loop's iterations, not its call sites.
 */
export function assignStages(calls: PlannedCall[]): PlannedStage[] {
  const byId = new Map(calls.map((call) => [call.id, call]));
  const stage = new Map<string, number>();
  const visiting = new Set<string>();
  const stageOf = (id: string): number => {
    const known = stage.get(id);
    if (known !== undefined) return known;
    // A cycle cannot come from the walk (a call only sees calls before it); guard anyway.
    if (visiting.has(id)) return 0;
    visiting.add(id);
    let latest = 0;
    for (const wait of byId.get(id)?.waitsFor ?? []) {
      if (wait.previousIteration === undefined) latest = Math.max(latest, stageOf(wait.call));
    }
    visiting.delete(id);
    stage.set(id, latest + 1);
    return latest + 1;
  };
  for (const call of calls) call.stage = stageOf(call.id);

  const byStage = new Map<number, PlannedStage>();
  for (const call of calls) {
    let entry = byStage.get(call.stage);
    if (!entry) byStage.set(call.stage, (entry = { stage: call.stage, calls: [] }));
    entry.calls.push(call.id);
  }
  return [...byStage.values()].sort((a, b) => a.stage - b.stage);
}

/**
 * The other calls of a call's stage. Not stored on each call: in a stage of n calls that is n²
 * ids, which made plans of files with thousands of independent calls quadratic.
 */
export function sameStageOf(stages: readonly PlannedStage[], call: PlannedCall): string[] {
  const stage = stages.find((s) => s.stage === call.stage);
  return stage ? stage.calls.filter((id) => id !== call.id) : [];
}
