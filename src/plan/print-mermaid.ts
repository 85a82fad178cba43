import { describeReason, locate, type PlanSources } from './describe.js';
import type { Plan } from './plan-types.js';

/**
 * The plan as a Mermaid flowchart (`graph TD`): one subgraph per stage holding its calls, an
 * arrow per wait labelled with its reasons, dotted for a wait on the previous iteration.
 */
export function printPlanMermaid(plan: Plan, sources: PlanSources): string {
  const lines = ['graph TD'];
  if (plan.calls.length === 0) lines.push(`  empty["${label(`${plan.entry}: no model calls`)}"]`);
  for (const stage of plan.stages) {
    lines.push(`  subgraph stage${stage.stage}["stage ${stage.stage}"]`);
    for (const id of stage.calls) {
      const call = plan.calls.find((c) => c.id === id)!;
      const text = `${call.id} · ${call.builtin}<br/>${locate(sources, call.file, call.blockSpan.start)}`;
      lines.push(`    ${call.id}["${label(text)}"]`);
    }
    lines.push('  end');
  }
  for (const call of plan.calls) {
    for (const wait of call.waitsFor) {
      const reasons = wait.reasons.map(describeReason).join(', ');
      const arrow = wait.previousIteration ? '-.->' : '-->';
      const text = wait.previousIteration ? `previous iteration: ${reasons}` : reasons;
      lines.push(`  ${wait.call} ${arrow}|"${label(text)}"| ${call.id}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Text safe inside a quoted Mermaid label (quotes and angle brackets as entities, `<br/>` kept). */
function label(text: string): string {
  return text
    .replace(/"/g, '#quot;')
    .replace(/<(?!br\/>)/g, '#lt;')
    .replace(/(?<!<br\/)>/g, '#gt;');
}
