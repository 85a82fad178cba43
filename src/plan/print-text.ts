import { assertNever } from '../assert-never.js';
import { countValue, formatCount, type Count } from './count.js';
import { describeDependency, describeReason, locate, type PlanSources } from './describe.js';
import type { Plan, PlannedCall, ScopeEntry } from './plan-types.js';

/**
 * The plan for people (`ot plan`): a summary line, then each stage with its calls — where they
 * are, the builtin, where the prompt comes from, how often they run and what they wait for —
 * then the loops, flows, critical path and the estimate.
 */
export function printPlanText(plan: Plan, sources: PlanSources): string {
  const lines: string[] = [];
  const stageCount = plan.stages.length;
  lines.push(
    `plan of ${plan.entry}: ${plural(plan.calls.length, 'call site')} in ${plural(stageCount, 'stage')}` +
      `, critical path ${calls(plan.criticalPath.length)}, ${requests(plan)}`,
  );
  for (const stage of plan.stages) {
    lines.push(
      '',
      `stage ${stage.stage}${stage.calls.length > 1 ? ` (${stage.calls.length} calls may run at once)` : ''}`,
    );
    for (const id of stage.calls)
      lines.push(
        ...describeCall(
          plan.calls.find((call) => call.id === id)!,
          sources,
        ),
      );
  }
  if (plan.loops.length > 0) {
    lines.push('', 'loops and forks');
    for (const loop of plan.loops) {
      const where = locate(sources, loop.file, loop.span.start);
      const count =
        loop.kind === 'fork'
          ? plural(countValue(loop.iterations) ?? 0, 'branch', 'branches')
          : `${formatCount(loop.iterations)} iterations`;
      const how = loop.concurrent
        ? 'concurrent'
        : `sequential: ${loop.carried.map((c) => `${c.call} waits for ${c.waitsFor} of the previous iteration (${c.reasons.map(describeReason).join(', ')})`).join('; ')}`;
      lines.push(
        `  ${loop.id}  ${loop.kind} at ${where}, ${count}, ${how}; calls ${loop.calls.join(', ')}`,
      );
    }
  }
  if (plan.flows.length > 0) {
    lines.push('', 'flows');
    for (const flow of plan.flows) {
      const inputs =
        flow.waitsFor.length > 0
          ? `, starts after ${flow.waitsFor.map(describeDependency).join(', ')}`
          : '';
      const made = flow.calls.length > 0 ? `calls ${flow.calls.join(', ')}` : 'no calls';
      lines.push(
        `  ${flow.id}  ${locate(sources, flow.file, flow.span.start)} runs ${flow.template}: ${made}${inputs}`,
      );
    }
  }
  if (plan.calls.length > 0) {
    lines.push(
      '',
      `critical path: ${plan.criticalPath.calls.join(' → ')} (${calls(plan.criticalPath.length)})`,
    );
  }
  for (const diagnostic of plan.diagnostics) {
    lines.push(
      `note: ${locate(sources, diagnostic.file, diagnostic.span.start)}: ${diagnostic.message} [${diagnostic.code}]`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function describeCall(call: PlannedCall, sources: PlanSources): string[] {
  const parts = [
    `  ${call.id}`,
    locate(sources, call.file, call.blockSpan.start),
    call.builtin,
    `prompt: ${call.prompt}`,
  ];
  if (countValue(call.repeat) !== 1) parts.push(`× ${formatCount(call.repeat)}`);
  if (countValue(call.samples) !== 1) parts.push(`${formatCount(call.samples)} samples`);
  const context = call.scope.map(describeScope).filter((text) => text !== '');
  if (call.guards.length > 0) context.push(`if ${call.guards.map((g) => g.guard).join(', ')}`);
  if (context.length > 0) parts.push(`in ${context.join(', ')}`);
  const waits =
    call.waitsFor.length > 0 ? call.waitsFor.map(describeDependency).join(', ') : 'nothing';
  return [parts.join('  '), `      waits for ${waits}`];
}

function describeScope(entry: ScopeEntry): string {
  switch (entry.kind) {
    case 'loop':
      return entry.loop;
    case 'branch':
      return `${entry.loop} branch ${entry.branch + 1}`;
    case 'capture':
      return 'capture';
    case 'role':
      return '';
    case 'include':
      return `include ${entry.template}`;
    case 'flow':
      return `${entry.flow} (${entry.template})`;
    case 'macro':
      return `macro ${entry.name}`;
    default:
      return assertNever(entry);
  }
}

function requests(plan: Plan): string {
  const { min, max } = plan.estimate;
  const low = formatCount(min);
  const high = formatCount(max);
  const noun = countValue(max) === 1 ? 'request' : 'requests';
  return low === high ? `${high} ${noun} per run` : `${low} to ${high} ${noun} per run`;
}

function calls(count: Count): string {
  return countValue(count) === 1 ? '1 call' : `${formatCount(count)} calls`;
}

function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : nouns}`;
}
