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

  const stages: PlannedStage[] = [];
  for (const call of calls) {
    let entry = stages.find((s) => s.stage === call.stage);
    if (!entry) {
      entry = { stage: call.stage, calls: [] };
      stages.push(entry);
    }
    entry.calls.push(call.id);
  }
  stages.sort((a, b) => a.stage - b.stage);
  for (const call of calls) {
    call.sameStage = stages
      .find((s) => s.stage === call.stage)!
      .calls.filter((id) => id !== call.id);
  }
  return stages;
}
