import { compactJson } from './compact-json.js';
import { locate, rangeOf, type PlanSources } from './describe.js';
import type { Plan, PlannedCall } from './plan-types.js';

/**
 * The plan for tools (`ot plan --format json`, the language server): the plan data with, for
 * each call, loop and flow, its `location` (`file:line:col`; a call's is its call block's, as
 * traces and run-time errors name it) and the 1-based `range` of its span, next to the offsets.
 * Each call carries its stage and the ids of the calls of the same stage, which is what an
 * editor shows as "stage 2 · runs with 3 others".
 */
export function printPlanJson(plan: Plan, sources: PlanSources): string {
  const located = <T extends { file: string; span: { start: number; end: number } }>(
    item: T,
    at = item.span.start,
  ) => ({
    ...item,
    location: locate(sources, item.file, at),
    range: rangeOf(sources, item.file, item.span),
  });
  const stageCalls = new Map(plan.stages.map((stage) => [stage.stage, stage.calls]));
  const data = {
    ...plan,
    calls: plan.calls.map((call) => located(withSameStage(call, stageCalls), call.blockSpan.start)),
    loops: plan.loops.map((loop) => located(loop)),
    flows: plan.flows.map((flow) => located(flow)),
    guards: plan.guards.map((guard) => located(guard)),
    diagnostics: plan.diagnostics.map((diagnostic) => located(diagnostic)),
  };
  return `${compactJson(data)}\n`;
}

/** The call with `sameStage` (the other calls of its stage) right after its `stage`. */
function withSameStage(
  call: PlannedCall,
  stageCalls: ReadonlyMap<number, readonly string[]>,
): PlannedCall & { sameStage: string[] } {
  const entries: [string, unknown][] = [];
  for (const [key, value] of Object.entries(call)) {
    entries.push([key, value]);
    if (key === 'stage')
      entries.push([
        'sameStage',
        (stageCalls.get(call.stage) ?? []).filter((id) => id !== call.id),
      ]);
  }
  return Object.fromEntries(entries) as unknown as PlannedCall & { sameStage: string[] };
}
