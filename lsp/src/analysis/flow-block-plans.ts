import { forEachNode, type Plan, type ast } from 'ot-lang/tools';
import { basename } from 'node:path';
import type { CallBlockPlan } from './plan-summary.js';
import { contains, type Span } from './span.js';

/** A tooltip lists at most this many of a flow's calls (a flow may make thousands). */
const MAX_DETAIL = 10;

/**
 * The plan of each call block of `path` that runs a `flow()` (of those `only` accepts): the
 * stages of the flow's calls, how many calls it makes, and what else runs in those stages. The
 * flow's calls belong to the other file, so `callBlockPlans` does not see them here.
 */
export function flowBlockPlans(
  plan: Plan,
  path: string,
  template: ast.TemplateNode,
  only?: (blockSpan: Span) => boolean,
): CallBlockPlan[] {
  const blocks: Span[] = [];
  forEachNode(template.body, (node) => {
    if (node.type === 'CallBlock') blocks.push(node.span);
  });
  const byBlock = new Map<Span, Plan['flows']>();
  for (const flow of plan.flows) {
    if (flow.file !== path) continue;
    const block = blocks.find((span) => contains(span, flow.span.start));
    if (!block || (only && !only(block))) continue;
    byBlock.set(block, [...(byBlock.get(block) ?? []), flow]);
  }
  const calls = new Map(plan.calls.map((call) => [call.id, call]));
  const stagesByNumber = new Map(plan.stages.map((stage) => [stage.stage, stage]));
  const result: CallBlockPlan[] = [];
  for (const [blockSpan, flows] of byBlock) {
    const own = flows.flatMap((flow) => flow.calls.map((id) => calls.get(id)!)).filter(Boolean);
    if (own.length === 0) continue;
    const ownIds = new Set(own.map((call) => call.id));
    const stages = [...new Set(own.map((call) => call.stage))].sort((a, b) => a - b);
    const others = new Set(
      stages
        .flatMap((stage) => stagesByNumber.get(stage)?.calls ?? [])
        .filter((id) => !ownIds.has(id)),
    );
    const names = [...new Set(flows.map((flow) => basename(flow.template)))].join(', ');
    const label = [
      `${stages.length > 1 ? 'stages' : 'stage'} ${stages.length > 3 ? `${stages[0]}–${stages.at(-1)}` : stages.join(', ')}`,
      `flow ${names}: ${own.length} ${own.length === 1 ? 'call' : 'calls'}`,
      others.size === 0
        ? 'runs alone'
        : `runs with ${others.size} ${others.size === 1 ? 'other' : 'others'}`,
    ].join(' · ');
    const detail = own
      .slice(0, MAX_DETAIL)
      .map(
        (call) =>
          `${call.id} ${call.builtin} (${basename(call.file)}): stage ${call.stage}, waits for ${call.waitsFor.length === 0 ? 'nothing' : `${call.waitsFor.length} ${call.waitsFor.length === 1 ? 'call' : 'calls'}`}`,
      );
    if (own.length > MAX_DETAIL) detail.push(`… and ${own.length - MAX_DETAIL} more calls`);
    result.push({ blockSpan, calls: own, label, detail });
  }
  return result.sort((a, b) => a.blockSpan.start - b.blockSpan.start);
}
