import { describeDependency, formatCount, type Plan, type PlannedCall } from 'ot-lang/tools';
import type { Span } from './span.js';

/** What the plan says about one call block of a file. */
export interface CallBlockPlan {
  blockSpan: Span;
  calls: PlannedCall[];
  /** `stage 2 · runs with 3 others`. */
  label: string;
  /** One line per call: what it waits for. */
  detail: string[];
}

/**
 * The plan of each call block of `path` (of those `only` accepts), in source order. A block holds several calls when it
 * composes them, and a macro's block is planned once per call of the macro: such calls are
 * grouped under their block.
 */
export function callBlockPlans(
  plan: Plan,
  path: string,
  only?: (blockSpan: Span) => boolean,
): CallBlockPlan[] {
  const byBlock = new Map<string, PlannedCall[]>();
  for (const call of plan.calls) {
    if (call.file !== path || (only && !only(call.blockSpan))) continue;
    const key = `${call.blockSpan.start}:${call.blockSpan.end}`;
    const calls = byBlock.get(key) ?? [];
    calls.push(call);
    byBlock.set(key, calls);
  }
  const blocks: CallBlockPlan[] = [];
  for (const calls of byBlock.values()) {
    const own = new Set(calls.map((call) => call.id));
    const stages = [...new Set(calls.map((call) => call.stage))].sort((a, b) => a - b);
    const others = new Set(calls.flatMap((call) => call.sameStage).filter((id) => !own.has(id)));
    const repeats = [...new Set(calls.map((call) => formatCount(call.repeat)))].filter(
      (r) => r !== '1',
    );
    const parts = [
      `${stages.length > 1 ? 'stages' : 'stage'} ${stages.join(', ')}`,
      ...repeats.map((repeat) => `× ${repeat}`),
      others.size === 0
        ? 'runs alone'
        : `runs with ${others.size} ${others.size === 1 ? 'other' : 'others'}`,
    ];
    blocks.push({
      blockSpan: calls[0]!.blockSpan,
      calls,
      label: parts.join(' · '),
      detail: calls.map((call) => {
        const waits = call.waitsFor.map(describeDependency);
        return `${call.id} ${call.builtin}: ${waits.length === 0 ? 'waits for nothing' : `waits for ${waits.join(', ')}`}`;
      }),
    });
  }
  return blocks.sort((a, b) => a.blockSpan.start - b.blockSpan.start);
}
