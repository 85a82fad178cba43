import { locate, rangeOf, type PlanSources } from './describe.js';
import type { Plan } from './plan-types.js';

/**
 * The plan for tools (`ot plan --format json`, the language server): the plan data with, for
 * each call, loop and flow, its `location` (`file:line:col`) and 1-based `range`, next to the
 * offsets. Each call carries its stage and the ids of the calls of the same stage, which is
 * what an editor shows as "stage 2 · runs with 3 others".
 */
export function printPlanJson(plan: Plan, sources: PlanSources): string {
  const located = <T extends { file: string; span: { start: number; end: number } }>(item: T) => ({
    ...item,
    location: locate(sources, item.file, item.span.start),
    range: rangeOf(sources, item.file, item.span),
  });
  return `${JSON.stringify(
    {
      ...plan,
      calls: plan.calls.map(located),
      loops: plan.loops.map(located),
      flows: plan.flows.map(located),
      guards: plan.guards.map(located),
      diagnostics: plan.diagnostics.map(located),
    },
    null,
    2,
  )}\n`;
}
