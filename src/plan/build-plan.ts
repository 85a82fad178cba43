import type { Analysis } from './analysis/state.js';
import { parseOrigin } from './analysis/origins.js';
import { findCriticalPath } from './critical-path.js';
import { estimateCalls } from './estimate.js';
import { markLoopConcurrency } from './loop-concurrency.js';
import type {
  Dependency,
  Plan,
  PlannedCall,
  PlannedFlow,
  PlannedGuard,
  PlannedLoop,
  ScopeEntry,
} from './plan-types.js';
import { assignStages } from './stages.js';

/** Turns what the analysis collected into the plan: ids, stages, loop concurrency, critical path, estimate. */
export function buildPlan(analysis: Analysis): Plan {
  const loopIds = new Map<string, string>();
  for (const [key, loop] of analysis.loops) if (loop.id !== null) loopIds.set(key, loop.id);
  const loopId = (key: string) => loopIds.get(key) ?? key;

  const calls: PlannedCall[] = [...analysis.calls.values()].map((node) => ({
    id: node.id,
    builtin: node.builtin,
    file: node.file,
    span: node.span,
    blockSpan: node.blockSpan,
    prompt: node.prompt,
    waitsFor: [...node.waits.values()]
      .map((wait): Dependency => ({
        call: wait.call,
        reasons: wait.reasons,
        ...(wait.previousIteration !== null
          ? { previousIteration: loopId(wait.previousIteration) }
          : {}),
      }))
      .sort(byCallId),
    stage: 0,
    repeat: node.repeat,
    samples: node.samples,
    guards: node.guards,
    scope: node.scope.map((entry): ScopeEntry =>
      entry.kind === 'loop' || entry.kind === 'branch'
        ? { ...entry, loop: loopId(entry.loop) }
        : entry,
    ),
  }));
  const callIds = new Map([...analysis.calls].map(([key, node]) => [key, node.id]));

  const loops: PlannedLoop[] = analysis.loopOrder
    .filter((loop) => loop.id !== null)
    .map((loop) => ({
      id: loop.id!,
      kind: loop.kind,
      file: loop.file,
      span: loop.span,
      iterations: loop.iterations,
      concurrent: true,
      calls: [...loop.calls].map((key) => callIds.get(key)!).sort(byNumber),
      carried: [],
    }))
    .sort((a, b) => byNumber(a.id, b.id));

  const flows: PlannedFlow[] = analysis.flows.map((flow) => ({
    id: flow.id,
    file: flow.file,
    span: flow.span,
    template: flow.template,
    calls: [...flow.calls].sort(byNumber),
    waitsFor: [...flow.waits]
      .map(([origin, reasons]): Dependency => {
        const { call, loop } = parseOrigin(origin);
        return { call, reasons, ...(loop !== null ? { previousIteration: loopId(loop) } : {}) };
      })
      .sort(byCallId),
    result: [...new Set([...flow.result].map((origin) => parseOrigin(origin).call))].sort(byNumber),
  }));

  const guards: PlannedGuard[] = analysis.guards.map((guard) => ({
    id: guard.id!,
    ...guard.descriptor,
  }));

  const stages = assignStages(calls);
  markLoopConcurrency(loops, calls);
  return {
    kind: 'plan',
    entry: analysis.program.entry,
    calls,
    stages,
    loops,
    flows,
    criticalPath: findCriticalPath(calls, loops),
    estimate: estimateCalls(calls, guards),
    guards,
    diagnostics: analysis.diagnostics,
  };
}

function byCallId(
  a: { call: string; previousIteration?: string },
  b: { call: string; previousIteration?: string },
): number {
  return (
    byNumber(a.call, b.call) || (a.previousIteration ?? '').localeCompare(b.previousIteration ?? '')
  );
}

const ID = /^([a-z]+)(\d+)$/;

/**
 * Orders ids such as `c2` before `c10`. Plain ids are compared by hand: `localeCompare` with
 * `numeric` costs microseconds a call, and a plan sorts waits by the hundred thousand.
 */
function byNumber(a: string, b: string): number {
  const x = ID.exec(a);
  const y = ID.exec(b);
  if (x && y) {
    if (x[1] !== y[1]) return x[1]! < y[1]! ? -1 : 1;
    return Number(x[2]) - Number(y[2]);
  }
  return a.localeCompare(b, 'en', { numeric: true });
}
