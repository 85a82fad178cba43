const lazy = new WeakSet<object>();

/** Where counts keep their state: a non-enumerable own key, invisible to JSON and spreads. */
const STATE = Symbol('lazy counts');

interface LazyState {
  counted: Record<string, number> | undefined;
  /** Dropped once counted, so the texts it counts are not kept alive by the counts. */
  pending: (() => Record<string, number>) | undefined;
}

/**
 * One getter per key name, shared by all counts: V8 gives objects whose accessors are the same
 * functions one hidden class. A getter made per object gave each object its own hidden class,
 * which lives in the old generation until a full collection and keeps the getter, and through it
 * the call's texts, alive that long (about 2 KB per call promoted: peak RSS grew with the rows).
 */
const getters = new Map<string, (this: object) => number>();

function getterFor(key: string): (this: object) => number {
  let get = getters.get(key);
  if (get === undefined) {
    get = function (this: object): number {
      const state = (this as { [STATE]: LazyState })[STATE];
      if (state.pending !== undefined) {
        state.counted = state.pending();
        state.pending = undefined;
      }
      return state.counted![key]!;
    };
    getters.set(key, get);
  }
  return get;
}

/**
 * Token counts computed on first read, then kept. Every key is an own enumerable getter, so
 * JSON, spreads, structured clones and deep equality see plain numbers; a run that never reads
 * them (no cache entry, trace file, summary, price or `tpm` limit) never loads the tokenizer.
 */
export function lazyCounts<K extends string>(
  keys: readonly K[],
  compute: () => Record<K, number>,
): Record<K, number> {
  const counts = {};
  const state: LazyState = { counted: undefined, pending: compute };
  Object.defineProperty(counts, STATE, { value: state });
  for (const key of keys) {
    Object.defineProperty(counts, key, { enumerable: true, get: getterFor(key) });
  }
  lazy.add(counts);
  return counts as Record<K, number>;
}

/** True for counts made by lazyCounts() that nothing has read yet or since. */
export function isLazyCounts(value: object): boolean {
  return lazy.has(value);
}
