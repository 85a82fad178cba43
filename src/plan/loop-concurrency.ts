import type { PlannedCall, PlannedLoop } from './plan-types.js';

/**
 * A loop's iterations overlap unless one of its calls waits for a call of the previous
 * iteration (through its prefix or a variable carried over); those waits are listed as the
 * reason. Forks always overlap: branches never see each other.
 */
export function markLoopConcurrency(loops: PlannedLoop[], calls: readonly PlannedCall[]): void {
  for (const loop of loops) {
    loop.carried = [];
    for (const call of calls) {
      for (const wait of call.waitsFor) {
        if (wait.previousIteration === loop.id) {
          loop.carried.push({ call: call.id, waitsFor: wait.call, reasons: wait.reasons });
        }
      }
    }
    loop.concurrent = loop.carried.length === 0;
  }
}
