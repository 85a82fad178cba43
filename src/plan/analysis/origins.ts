/**
 * An origin is the id of a call whose result a value or a text depends on, or a marker for that
 * call's run in the previous iteration of a loop (`prev:<loop>:<call>`), which is how the
 * analysis finds the loops whose iterations wait for one another.
 */
export type Origin = string;

/** The marker of `call`'s run in the previous iteration of `loop`. */
export function previousIteration(loop: string, call: string): Origin {
  return `prev:${loop}:${call}`;
}

/** The call an origin refers to, and the loop whose previous iteration it is from (if a marker). */
export function parseOrigin(origin: Origin): { call: string; loop: string | null } {
  if (!origin.startsWith('prev:')) return { call: origin, loop: null };
  const rest = origin.slice(5);
  const colon = rest.lastIndexOf(':');
  return { call: rest.slice(colon + 1), loop: rest.slice(0, colon) };
}

/**
 * Which origins an expression reads, and through which variable names (`''`: directly, as a
 * call nested in it or a macro's text). The names become the reasons of the waits.
 */
export type Reads = Map<Origin, Set<string>>;

/** Reads nothing. */
export function noReads(): Reads {
  return new Map();
}

/** Adds every read of `from` to `into`. */
export function addReads(into: Reads, from: Reads): Reads {
  for (const [origin, names] of from) {
    const existing = into.get(origin);
    if (existing) for (const name of names) existing.add(name);
    else into.set(origin, new Set(names));
  }
  return into;
}

/** The union of several reads, as a new map. */
export function unionReads(...all: readonly Reads[]): Reads {
  const result: Reads = new Map();
  for (const reads of all) addReads(result, reads);
  return result;
}

/** Reads of `origins` through one name (`''`: directly). */
export function readsOf(origins: Iterable<Origin>, name: string): Reads {
  const result: Reads = new Map();
  for (const origin of origins) result.set(origin, new Set([name]));
  return result;
}

/** The variable names among reads (for condition and loop-list reasons). */
export function namesOf(reads: Reads): string[] {
  const names = new Set<string>();
  for (const set of reads.values()) for (const name of set) if (name !== '') names.add(name);
  return [...names].sort();
}
