import { compactJson } from './compact-json.js';
import { locate, rangeOf, type PlanSources } from './describe.js';
import type { Plan } from './plan-types.js';

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
  const data = {
    ...plan,
    calls: plan.calls.map((call) => located(call, call.blockSpan.start)),
    loops: plan.loops.map((loop) => located(loop)),
    flows: plan.flows.map((flow) => located(flow)),
    guards: plan.guards.map((guard) => located(guard)),
    diagnostics: plan.diagnostics.map((diagnostic) => located(diagnostic)),
  };
  return `${compactJson(data)}\n`;
}
