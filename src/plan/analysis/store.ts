import type { Origin } from './origins.js';
import type { AbstractBuffer, AbstractContext, AbstractFrame, AbstractValue } from './scope.js';
import type { AnalysisState } from './state.js';

/**
 * The mutable part of an analysis state (its frames, context and output buffer) copied out, so
 * that alternatives (branches, loop passes) can each start from the same point and be joined.
 */
export interface StoreSnapshot {
  frames: Map<AbstractFrame, Map<string, AbstractValue>>;
  context: Map<string, AbstractValue>;
  own: Set<Origin>;
}

/** Copies the store of `state`. */
export function takeSnapshot(state: AnalysisState): StoreSnapshot {
  const frames = new Map<AbstractFrame, Map<string, AbstractValue>>();
  for (const frame of state.frame.chain()) frames.set(frame, new Map(frame.vars));
  return { frames, context: new Map(state.context.vars), own: new Set(state.out.own) };
}

/** Puts a snapshot back into the store of `state`. */
export function restoreSnapshot(state: AnalysisState, snapshot: StoreSnapshot): void {
  for (const [frame, vars] of snapshot.frames) frame.vars = new Map(vars);
  state.context.vars = new Map(snapshot.context);
  replaceOwn(state.out, snapshot.own);
}

/**
 * The join of alternatives: a variable may hold any of its values (origins united); text may
 * wait for any of the origins. A variable missing from some alternatives keeps the others'.
 */
export function joinSnapshots(snapshots: readonly StoreSnapshot[]): StoreSnapshot {
  const first = snapshots[0]!;
  const frames = new Map<AbstractFrame, Map<string, AbstractValue>>();
  for (const frame of first.frames.keys()) {
    frames.set(frame, joinVars(snapshots.map((s) => s.frames.get(frame) ?? new Map())));
  }
  return {
    frames,
    context: joinVars(snapshots.map((s) => s.context)),
    own: new Set(snapshots.flatMap((s) => [...s.own])),
  };
}

/** Rewrites every origin of a snapshot (loop passes mark and unmark previous iterations). */
export function mapSnapshot(
  snapshot: StoreSnapshot,
  map: (origin: Origin) => Origin,
): StoreSnapshot {
  const mapVars = (vars: Map<string, AbstractValue>) => {
    const result = new Map<string, AbstractValue>();
    for (const [name, value] of vars) result.set(name, mapValue(value, map));
    return result;
  };
  const frames = new Map<AbstractFrame, Map<string, AbstractValue>>();
  for (const [frame, vars] of snapshot.frames) frames.set(frame, mapVars(vars));
  return { frames, context: mapVars(snapshot.context), own: new Set([...snapshot.own].map(map)) };
}

/** True when `a` holds every origin of `b` (the fixpoint test of loop passes). */
export function snapshotCovers(a: StoreSnapshot, b: StoreSnapshot): boolean {
  for (const origin of b.own) if (!a.own.has(origin)) return false;
  const covers = (x: Map<string, AbstractValue> | undefined, y: Map<string, AbstractValue>) => {
    for (const [name, value] of y) {
      const other = x?.get(name);
      if (!other) return false;
      for (const origin of value.origins) if (!other.origins.has(origin)) return false;
    }
    return true;
  };
  if (!covers(a.context, b.context)) return false;
  for (const [frame, vars] of b.frames) if (!covers(a.frames.get(frame), vars)) return false;
  return true;
}

function joinVars(all: readonly Map<string, AbstractValue>[]): Map<string, AbstractValue> {
  const names = new Set(all.flatMap((vars) => [...vars.keys()]));
  const result = new Map<string, AbstractValue>();
  for (const name of names) {
    const values = all
      .map((vars) => vars.get(name))
      .filter((v): v is AbstractValue => v !== undefined);
    result.set(name, joinValues(values));
  }
  return result;
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

function replaceOwn(buffer: AbstractBuffer, own: Set<Origin>): void {
  buffer.own = new Set(own);
}

function sameConstant(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Copies an abstract context's variables (used when the context itself is replaced). */
export function contextVars(context: AbstractContext): Map<string, AbstractValue> {
  return new Map(context.vars);
}
