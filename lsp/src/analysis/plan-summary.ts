import { formatCount, summarizeWaits, type Plan, type PlannedCall } from 'ot-lang/tools';
import type { Span } from './span.js';

/** How many calls of one block the detail describes, one line each, before `and N more calls`. */
const DETAIL_CALLS = 5;

/** What the plan says about one call block of a file. */
export interface CallBlockPlan {
  blockSpan: Span;
  calls: PlannedCall[];
  /** `stage 2 · runs with 3 others`. */
  label: string;
  /**
   * A few lines, one per call: what it waits for, summarised (`waits for 22 calls: c4 (prefix),
   * c7 (prefix), c9 (prefix) and 19 more`), so a tooltip stays small whatever the file's size.
   */
  detail: string[];
}

/**
 * The plan of each call block of `path` (of those `only` accepts), in source order. A block holds several calls when it
 * composes them, and a macro's block is planned once per call of the macro: such calls are
 * grouped under their block. Linear in the plan's size: stage sizes come from `plan.stages`.
 */
export function callBlockPlans(
  plan: Plan,
  path: string,
  only?: (blockSpan: Span) => boolean,
): CallBlockPlan[] {
  const stageSize = new Map(plan.stages.map((stage) => [stage.stage, stage.calls.length]));
  const byBlock = new Map<string, PlannedCall[]>();
  for (const call of plan.calls) {
    if (call.file !== path || (only && !only(call.blockSpan))) continue;
    const key = `${call.blockSpan.start}:${call.blockSpan.end}`;
    const calls = byBlock.get(key);
    if (calls) calls.push(call);
    else byBlock.set(key, [call]);
  }
  const blocks: CallBlockPlan[] = [];
  for (const calls of byBlock.values()) {
    const ownPerStage = new Map<number, number>();
    for (const call of calls) ownPerStage.set(call.stage, (ownPerStage.get(call.stage) ?? 0) + 1);
    const stages = [...ownPerStage.keys()].sort((a, b) => a - b);
    let others = 0;
    for (const [stage, own] of ownPerStage) others += (stageSize.get(stage) ?? own) - own;
    const repeats = [...new Set(calls.map((call) => formatCount(call.repeat)))].filter(
      (r) => r !== '1',
    );
    const parts = [
      `${stages.length > 1 ? 'stages' : 'stage'} ${summarizeNumbers(stages)}`,
      ...repeats.slice(0, 3).map((repeat) => `× ${repeat}`),
      others === 0 ? 'runs alone' : `runs with ${others} ${others === 1 ? 'other' : 'others'}`,
    ];
    const detail = calls
      .slice(0, DETAIL_CALLS)
      .map((call) => `${call.id} ${call.builtin}: ${summarizeWaits(call.waitsFor)}`);
    if (calls.length > DETAIL_CALLS) detail.push(`and ${calls.length - DETAIL_CALLS} more calls`);
    blocks.push({ blockSpan: calls[0]!.blockSpan, calls, label: parts.join(' · '), detail });
  }
  return blocks.sort((a, b) => a.blockSpan.start - b.blockSpan.start);
}

/** `1, 2, 3` or, for many, `1, 2, 3 … 40`. */
function summarizeNumbers(numbers: readonly number[]): string {
  return numbers.length <= 4
    ? numbers.join(', ')
    : `${numbers.slice(0, 3).join(', ')} … ${numbers.at(-1)}`;
}
