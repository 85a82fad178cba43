/**
 * A call's place in source order: the order a sequential run would make the calls in, whatever
 * order they start in. Keys are compared element by element (`compareOrder`); a deferred piece
 * of the walk gets one element of its parent's key, and the calls it makes extend it.
 */
export type OrderKey = readonly number[];

/** Negative when `a` comes before `b` in source order, positive after, 0 for the same key. */
export function compareOrder(a: OrderKey, b: OrderKey): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (a[i] !== b[i]) return a[i]! - b[i]!;
  }
  return a.length - b.length;
}

/**
 * Hands out source-order keys for one stretch of the walk, in the order the walk reaches its
 * calls. A stretch that runs later (a statement deferred until a call's result is known, a call
 * waiting for its arguments, a `flow()` sub-flow) is opened as a child when the walk reaches it,
 * so its calls sort where they stand in the source even though they start after later ones.
 * An open cursor is listed in its book (when someone listens) until it is closed: until then,
 * it may still hand out a key before a call that has started (`mayPrecede`).
 */
export class OrderCursor {
  private next = 0;
  private memo: OrderKey | null = null;
  private open_ = false;

  constructor(
    private readonly book: OrderBook,
    private readonly parent: OrderCursor | null,
    private readonly index: number,
  ) {}

  /** This cursor's own key: the prefix of every key it hands out. */
  get key(): OrderKey {
    this.memo ??= this.parent ? [...this.parent.key, this.index] : [];
    return this.memo;
  }

  /** The next key, for one model call made here. */
  take(): OrderKey {
    return [...this.key, this.next++];
  }

  /** A child at the next key, open (listed in the book) until `close`. */
  open(): OrderCursor {
    const child = new OrderCursor(this.book, this, this.next++);
    child.open_ = true;
    this.book.opened(child);
    return child;
  }

  /** Marks this stretch done: it makes no more calls (closing twice is harmless). */
  readonly close = (): void => {
    if (!this.open_) return;
    this.open_ = false;
    this.book.closed(this);
  };

  /** True when this cursor may still hand out a key before `order`. */
  mayPrecede(order: OrderKey): boolean {
    const key = this.key;
    const length = Math.min(key.length, order.length);
    for (let i = 0; i < length; i++) {
      if (key[i] !== order[i]) return key[i]! < order[i]!;
    }
    // Every key it hands out from now on is key ++ [n ≥ next, …]: after a key it prefixes.
    if (order.length <= key.length) return false;
    return this.next < order[key.length]!;
  }
}

/**
 * The open stretches of a session's walks, so that a display showing calls in source order
 * knows whether a call not started yet may still come before one that has.
 */
export class OrderBook {
  /** Keys for calls made outside any walk (TypeScript), and the roots of the runs' walks. */
  readonly root = new OrderCursor(this, null, 0);
  private readonly open = new Set<OrderCursor>();
  private readonly listeners = new Set<() => void>();

  /** True while an open stretch may still start a call before `order`. */
  waitsBefore(order: OrderKey): boolean {
    for (const cursor of this.open) if (cursor.mayPrecede(order)) return true;
    return false;
  }

  /** Calls `listener` whenever a stretch closes; returns the unsubscribe function. */
  onClose(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** @internal */
  opened(cursor: OrderCursor): void {
    // Kept only for a listener (subscribed before the run): other runs pay nothing for it.
    if (this.listeners.size > 0) this.open.add(cursor);
  }

  /** @internal */
  closed(cursor: OrderCursor): void {
    if (!this.open.delete(cursor)) return;
    for (const listener of this.listeners) listener();
  }
}
