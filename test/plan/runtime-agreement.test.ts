import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProgram } from '../../src/ir/load-program.js';
import {
  evaluateCount,
  formatCount,
  plan as planProgram,
  type Plan,
  type PlannedCall,
} from '../../src/plan/index.js';
import { formatLocation } from '../../src/source/source-file.js';
import type { TraceEvent } from '../../src/runtime/trace.js';
import { fixtureDirs, fixtureInputs, runInterpreted } from '../codegen/helpers/fixture-runner.js';

/** Long enough that scheduling noise on a busy machine cannot make two calls of one stage miss each other. */
const LATENCY_MS = 100;

const cases = fixtureDirs();

interface Observed {
  call: PlannedCall;
  events: TraceEvent[];
  /** Lines of a block whose calls cannot be told apart. */
  shared?: TraceEvent[];
}

/**
 * The plan's calls with their trace lines. Traces name the call block, so calls that share a
 * block (a composition, a macro called twice) are told apart by order: when a block has one line
 * per planned call, the earliest line goes to the earliest stage.
 */
function observe(
  plan: Plan,
  sources: ReturnType<typeof loadProgram>['sources'],
  trace: readonly TraceEvent[],
): Observed[] {
  const byLocation = new Map<string, PlannedCall[]>();
  for (const call of plan.calls) {
    const location = formatLocation(sources[call.file]!, call.blockSpan.start);
    byLocation.set(location, [...(byLocation.get(location) ?? []), call]);
  }
  const observed: Observed[] = [];
  for (const [location, calls] of byLocation) {
    const events = trace
      .filter((event) => event.location === location)
      .sort((a, b) => a.start_ms - b.start_ms);
    if (calls.length === 1) observed.push({ call: calls[0]!, events });
    else if (events.length === calls.length) {
      const ordered = [...calls].sort((a, b) => a.stage - b.stage);
      ordered.forEach((call, i) => observed.push({ call, events: [events[i]!] }));
    } else {
      for (const call of calls) observed.push({ call, events: [], shared: events } as Observed);
    }
  }
  return observed;
}

/** Calls whose timing is exact: neither they nor anything they wait for (transitively) is in a loop whose iterations wait for one another. */
function exactlyTimed(plan: Plan): Set<string> {
  const sequential = new Set(plan.loops.filter((loop) => !loop.concurrent).map((loop) => loop.id));
  const byId = new Map(plan.calls.map((call) => [call.id, call]));
  const exact = new Map<string, boolean>();
  const isExact = (id: string): boolean => {
    const known = exact.get(id);
    if (known !== undefined) return known;
    const call = byId.get(id)!;
    const inSequential = call.scope.some(
      (entry) => entry.kind === 'loop' && sequential.has(entry.loop),
    );
    const result =
      !inSequential &&
      call.waitsFor.every((wait) => wait.previousIteration !== undefined || isExact(wait.call));
    exact.set(id, result);
    return result;
  };
  return new Set(plan.calls.map((call) => call.id).filter(isExact));
}

const overlap = (a: TraceEvent, b: TraceEvent) =>
  Math.max(a.start_ms, b.start_ms) < Math.min(a.end_ms, b.end_ms);

describe('the plan agrees with what the runtime does (fake backend, every call takes 100 ms)', () => {
  it.each(cases)('%s', async (dir) => {
    const loaded = loadProgram(join(dir, 'flow.ot'));
    const plan = planProgram(loaded.program);
    const run = await runInterpreted(dir, { latencyMs: LATENCY_MS });
    const observed = observe(plan, loaded.sources, run.trace);

    // The plan knows every call the run made.
    const planned = new Set(observed.flatMap((o) => [...o.events, ...(o.shared ?? [])]));
    expect(run.trace.filter((event) => !planned.has(event)).map((e) => e.location)).toEqual([]);

    const byId = new Map(observed.map((o) => [o.call.id, o]));
    const exact = exactlyTimed(plan);
    for (const { call, events } of observed) {
      // Calls it orders did not overlap: each run of a call started after a run of each call it waits for ended.
      for (const wait of call.waitsFor) {
        if (wait.previousIteration !== undefined) continue;
        const before = byId.get(wait.call)!.events;
        if (before.length === 0) continue;
        for (const event of events) {
          expect(
            before.some((b) => b.end_ms <= event.start_ms),
            `${call.id} waits for ${wait.call}`,
          ).toBe(true);
        }
      }
      // A loop whose iterations wait for one another runs them one after another.
      if (
        call.waitsFor.some((wait) => wait.previousIteration !== undefined && wait.call === call.id)
      ) {
        const sorted = [...events].sort((a, b) => a.start_ms - b.start_ms);
        for (let i = 1; i < sorted.length; i++)
          expect(sorted[i]!.start_ms, `${call.id} iteration ${i}`).toBeGreaterThanOrEqual(
            sorted[i - 1]!.end_ms,
          );
      }
      // A concurrent loop's runs of a call overlap.
      const loop = plan.loops.find((l) => l.calls.includes(call.id) && l.kind !== 'fork');
      if (loop?.concurrent && exact.has(call.id) && events.length > 1) {
        for (const a of events)
          for (const b of events)
            expect(overlap(a, b), `${call.id} in concurrent ${loop.id}`).toBe(true);
      }
    }

    // Calls it puts in one stage did overlap (where timing is exact: no sequential loop before them).
    for (const stage of plan.stages) {
      const calls = stage.calls.filter((id) => exact.has(id)).map((id) => byId.get(id)!);
      for (const a of calls) {
        for (const b of calls) {
          if (a === b || a.events.length === 0 || b.events.length === 0) continue;
          expect(
            a.events.some((x) => b.events.some((y) => overlap(x, y))),
            `${a.call.id} and ${b.call.id} share stage ${stage.stage}`,
          ).toBe(true);
        }
      }
    }

    // The estimate holds the number of requests, list lengths taken from the inputs.
    const inputs = fixtureInputs(dir);
    const symbols = [...plan.estimate.min.terms, ...plan.estimate.max.terms].flatMap(
      (term) => term.symbols,
    );
    const lengths = new Map(symbols.map((symbol) => [symbol, lengthOf(symbol, inputs, plan)]));
    if ([...lengths.values()].every((n) => n !== null) && run.ok) {
      const value = (symbol: string) => lengths.get(symbol)!;
      const made = run.trace.length;
      expect(made, `at least ${formatCount(plan.estimate.min)}`).toBeGreaterThanOrEqual(
        evaluateCount(plan.estimate.min, value as (s: string) => number),
      );
      expect(made, `at most ${formatCount(plan.estimate.max)}`).toBeLessThanOrEqual(
        evaluateCount(plan.estimate.max, value as (s: string) => number),
      );
    }
  });
});

/** The value of a `len(name)` symbol when `name` is an input. */
function lengthOf(symbol: string, inputs: Record<string, unknown>, _plan: Plan): number | null {
  const match = /^len\((\w+)\)$/.exec(symbol);
  const value = match ? inputs[match[1]!] : undefined;
  return Array.isArray(value) ? value.length : null;
}
