import type { Origin } from './origins.js';
import { StoreMap, StoreSet, writtenSince } from './journal.js';
import type { AbstractValue } from './scope.js';
import type { AnalysisState } from './state.js';

/** The containers an alternative may change and must give back: the frames in reach, the context, the buffer. */
export function trackedOf(state: AnalysisState): Set<StoreMap | StoreSet> {
  const tracked = new Set<StoreMap | StoreSet>(state.frame.chain().map((frame) => frame.vars));
  tracked.add(state.context.vars);
  tracked.add(state.out.own);
  return tracked;
}

/**
 * What an alternative left, as differences from where it started: for each variable map the
 * new values of the names it wrote, and the origins its text added.
 */
export interface StoreDelta {
  vars: Map<StoreMap, Map<string, AbstractValue>>;
  own: Set<Origin>;
}

/** The delta of the writes logged since `mark`, read from the containers as they are now. */
export function deltaSince(mark: number, tracked: ReadonlySet<StoreMap | StoreSet>): StoreDelta {
  const delta: StoreDelta = { vars: new Map(), own: new Set() };
  for (const [target, keys] of writtenSince(mark, tracked)) {
    if (target instanceof StoreSet) {
      for (const origin of keys) if (target.has(origin)) delta.own.add(origin);
      continue;
    }
    const values = new Map<string, AbstractValue>();
    for (const key of keys) {
      const value = target.get(key);
      if (value !== undefined) values.set(key, value);
    }
    delta.vars.set(target, values);
  }
  return delta;
}

/** Writes a delta into the store (logged, so an enclosing alternative can undo it). */
export function applyDelta(state: AnalysisState, delta: StoreDelta): void {
  for (const [target, values] of delta.vars)
    for (const [key, value] of values) target.set(key, value);
  for (const origin of delta.own) state.out.own.add(origin);
}

/**
 * The join of alternatives' deltas over the store as it is now (where they all started): a
 * variable may hold any of its values (origins united); text may wait for any of the origins. A
 * variable missing from some alternatives keeps the others'. With `withStart`, not running any
 * alternative is one of them. Only the names some alternative wrote are looked at.
 */
export function joinDeltas(deltas: readonly StoreDelta[], withStart: boolean): StoreDelta {
  const joined: StoreDelta = { vars: new Map(), own: new Set() };
  const targets = new Set(deltas.flatMap((delta) => [...delta.vars.keys()]));
  for (const target of targets) {
    const names = new Set(deltas.flatMap((delta) => [...(delta.vars.get(target)?.keys() ?? [])]));
    const values = new Map<string, AbstractValue>();
    for (const name of names) {
      const start = target.get(name);
      const all: AbstractValue[] = [];
      for (const delta of deltas) {
        const value = delta.vars.get(target)?.get(name) ?? start;
        if (value !== undefined) all.push(value);
      }
      if (withStart && start !== undefined) all.push(start);
      values.set(name, joinValues(all));
    }
    joined.vars.set(target, values);
  }
  for (const delta of deltas) for (const origin of delta.own) joined.own.add(origin);
  return joined;
}

/** Rewrites every origin of a delta (loop passes mark and unmark previous iterations). */
export function mapDelta(delta: StoreDelta, map: (origin: Origin) => Origin): StoreDelta {
  const vars = new Map<StoreMap, Map<string, AbstractValue>>();
  for (const [target, values] of delta.vars) {
    const mapped = new Map<string, AbstractValue>();
    for (const [name, value] of values) mapped.set(name, mapValue(value, map));
    vars.set(target, mapped);
  }
  return { vars, own: new Set([...delta.own].map(map)) };
}

/** True when `a` (over the store) holds every origin of `b` (the fixpoint test of loop passes). */
export function deltaCovers(a: StoreDelta, b: StoreDelta, own: StoreSet): boolean {
  for (const origin of b.own) if (!a.own.has(origin) && !own.has(origin)) return false;
  for (const [target, values] of b.vars) {
    for (const [name, value] of values) {
      const other = a.vars.get(target)?.get(name) ?? target.get(name);
      if (!other) return false;
      for (const origin of value.origins) if (!other.origins.has(origin)) return false;
    }
  }
  return true;
}

/** One value standing for any of several. */
export function joinValues(values: readonly AbstractValue[]): AbstractValue {
  if (values.length === 1) return values[0]!;
  const origins = new Set<Origin>();
  for (const value of values) for (const origin of value.origins) origins.add(origin);
  const joined: AbstractValue = { origins };
  // A macro stays callable if any alternative binds one; the first is inlined.
  const macro = values.find((value) => value.macro)?.macro;
  if (macro) joined.macro = macro;
  const constant = values[0]!.constant;
  if (
    constant &&
    values.every((value) => value.constant && sameConstant(value.constant.value, constant.value))
  ) {
    joined.constant = constant;
  }
  return joined;
}

function mapValue(value: AbstractValue, map: (origin: Origin) => Origin): AbstractValue {
  if (value.origins.size === 0) return value;
  return { ...value, origins: new Set([...value.origins].map(map)) };
}

function sameConstant(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
