import { formatCount } from '../../plan/count.js';
import { summarizeWaits } from '../../plan/summarize-waits.js';
import type { Plan } from '../../plan/plan-types.js';
import type { ModuleContext } from './module-context.js';

/**
 * The schedule in the module's header: each stage's calls and what they wait for, the loops
 * that run their iterations at once or one after another, the critical path.
 */
export function describePlan(plan: Plan, module: ModuleContext): string[] {
  if (plan.calls.length === 0) return ['It makes no model calls.', ''];
  const lines = ['Schedule (see `export const plan`): calls of one stage run at the same time.'];
  const byId = new Map(plan.calls.map((call) => [call.id, call]));
  for (const stage of plan.stages) {
    lines.push(`  stage ${stage.stage}:`);
    for (const id of stage.calls) {
      const call = byId.get(id)!;
      const waits =
        call.waitsFor.length === 0
          ? ''
          : ` after ${summarizeWaits(call.waitsFor).slice('waits for '.length)}`;
      lines.push(
        `    ${call.id} ${call.builtin} at ${module.locate(call.file, call.blockSpan.start)}${waits}`,
      );
    }
  }
  for (const loop of plan.loops) {
    const how = loop.concurrent ? 'iterations at the same time' : 'iterations one after another';
    lines.push(
      `  ${loop.id}: ${loop.kind} at ${module.locate(loop.file, loop.span.start)}, ${formatCount(loop.iterations)} ${how}`,
    );
  }
  lines.push(
    `  critical path: ${plan.criticalPath.calls.join(' → ')} (${formatCount(plan.criticalPath.length)} calls)`,
    '',
  );
  return lines;
}
