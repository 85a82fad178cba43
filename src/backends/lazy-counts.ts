const lazy = new WeakSet<object>();

/**
 * Token counts computed on first read, then kept. Every key is an own enumerable getter, so
 * JSON, spreads, structured clones and deep equality see plain numbers; a run that never reads
 * them (no cache entry, trace file, summary, price or `tpm` limit) never loads the tokenizer.
 */
export function lazyCounts<K extends string>(
  keys: readonly K[],
  compute: () => Record<K, number>,
): Record<K, number> {
  let counted: Record<K, number> | undefined;
  // Dropped once counted, so the texts it counts are not kept alive by the counts.
  let pending: (() => Record<K, number>) | undefined = compute;
  const read = (): Record<K, number> => {
    if (pending !== undefined) {
      counted = pending();
      pending = undefined;
    }
    return counted!;
  };
  const properties: PropertyDescriptorMap = {};
  for (const key of keys) {
    properties[key] = { enumerable: true, get: () => read()[key] };
  }
  const counts = Object.defineProperties({}, properties) as Record<K, number>;
  lazy.add(counts);
  return counts;
}

/** True for counts made by lazyCounts() that nothing has read yet or since. */
export function isLazyCounts(value: object): boolean {
  return lazy.has(value);
}
