/** What `orderedPool` yields for one item: its position, and its result or why it failed. */
export type PoolOutcome<T, R> = { index: number; item: T } & (
  { ok: true; value: R } | { ok: false; error: unknown }
);

/** Options of `orderedPool`. */
export interface OrderedPoolOptions {
  /** Most items started and not yet yielded (the reordering window); at least 1. */
  limit: number;
  /** Once aborted, no further item is started; those started are still yielded. */
  signal?: AbortSignal;
}

/** The reordering window for a concurrency cap: items in flight (started, not yet yielded) at most. */
export function rowWindow(concurrency: number): number {
  // A few items per slot keeps every slot busy while a slow item holds back the ones after it.
  return Math.max(64, 4 * concurrency);
}

/**
 * Runs `run` over `items` with at most `limit` items in flight and yields the outcomes in input
 * order, each as soon as every earlier one has been yielded. An item counts against `limit`
 * until it is yielded (not just until it finishes), so memory stays bounded by `limit` however
 * many items there are — at the price that one slow item holds back the later ones once the
 * window is full. A failing item is an outcome, not the end; the input is read lazily, and a
 * consumer that stops early stops the reading (items in flight finish unobserved).
 */
export async function* orderedPool<T, R>(
  items: AsyncIterable<T> | Iterable<T>,
  run: (item: T, index: number) => Promise<R>,
  options: OrderedPoolOptions,
): AsyncGenerator<PoolOutcome<T, R>, void, undefined> {
  const limit = Math.max(1, Math.floor(options.limit));
  const iterator =
    Symbol.asyncIterator in items
      ? items[Symbol.asyncIterator]()
      : (items as Iterable<T>)[Symbol.iterator]();
  // A window of at most `limit` promises; `head` moves instead of shift(), and the yielded
  // prefix is dropped once it is as long as the window, so each item costs O(1).
  let window: Promise<PoolOutcome<T, R>>[] = [];
  let head = 0;
  let index = 0;
  let exhausted = false;
  try {
    for (;;) {
      while (!exhausted && window.length - head < limit && !options.signal?.aborted) {
        const next = await iterator.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        window.push(settle(next.value, index++, run));
      }
      if (head === window.length) return;
      const outcome = await window[head]!;
      head++;
      if (head >= limit) {
        window = window.slice(head);
        head = 0;
      }
      yield outcome;
    }
  } finally {
    if (!exhausted) await iterator.return?.();
  }
}

async function settle<T, R>(
  item: T,
  index: number,
  run: (item: T, index: number) => Promise<R>,
): Promise<PoolOutcome<T, R>> {
  try {
    return { index, item, ok: true, value: await run(item, index) };
  } catch (error) {
    return { index, item, ok: false, error };
  }
}
