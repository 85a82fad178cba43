/** One waiting call: a node of the semaphore's doubly linked queue, so leaving it is O(1). */
interface Waiter {
  grant: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  prev: Waiter | null;
  next: Waiter | null;
}

/** The one `abort` listener a semaphore keeps on a signal, and how many waiters use it. */
interface SignalWatch {
  waiting: number;
  onAbort: () => void;
}

/**
 * A counting semaphore with a FIFO queue: calls wait their turn without polling, and a waiting
 * call whose signal aborts leaves the queue at once. Queueing and leaving are O(1): the queue
 * is a linked list, and the semaphore keeps one `abort` listener per signal (not one per
 * waiter: Node scans a signal's listeners on each add, so 80,000 waiters took 53 s).
 */
export class Semaphore {
  private available: number;
  private head: Waiter | null = null;
  private tail: Waiter | null = null;
  private queued = 0;
  private readonly watches = new Map<AbortSignal, SignalWatch>();

  constructor(readonly capacity: number) {
    this.available = Math.max(1, capacity);
  }

  /** Takes a slot now if one is free (no promise on the common path); null when all are taken. */
  tryAcquire(): (() => void) | null {
    if (this.available <= 0) return null;
    this.available--;
    return this.releaser();
  }

  /** Waits for a slot; the returned function gives it back (exactly once). */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    const now = this.tryAcquire();
    if (now) return now;
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { grant: resolve, reject, signal, prev: this.tail, next: null };
      if (this.tail) this.tail.next = waiter;
      else this.head = waiter;
      this.tail = waiter;
      this.queued++;
      if (signal) this.watch(signal);
    });
    return this.releaser();
  }

  /** How many calls wait for a slot (for tests and diagnostics). */
  get waiting(): number {
    return this.queued;
  }

  private watch(signal: AbortSignal): void {
    const existing = this.watches.get(signal);
    if (existing) {
      existing.waiting++;
      return;
    }
    const onAbort = () => this.abortWaiters(signal);
    this.watches.set(signal, { waiting: 1, onAbort });
    signal.addEventListener('abort', onAbort, { once: true });
  }

  /** A waiter with `signal` left the queue: the listener goes with the last of them. */
  private unwatch(signal: AbortSignal): void {
    const watch = this.watches.get(signal);
    if (!watch) return;
    if (--watch.waiting > 0) return;
    this.watches.delete(signal);
    signal.removeEventListener('abort', watch.onAbort);
  }

  private abortWaiters(signal: AbortSignal): void {
    this.watches.delete(signal);
    for (let w = this.head; w;) {
      const next = w.next;
      if (w.signal === signal) {
        this.remove(w);
        w.reject(signal.reason);
      }
      w = next;
    }
  }

  private remove(waiter: Waiter): void {
    if (waiter.prev) waiter.prev.next = waiter.next;
    else this.head = waiter.next;
    if (waiter.next) waiter.next.prev = waiter.prev;
    else this.tail = waiter.prev;
    waiter.prev = waiter.next = null;
    this.queued--;
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (this.owed > 0) this.owed--;
      else this.passOn();
    };
  }

  /** A freed slot passes straight to the next waiter, so it cannot be taken in between. */
  private passOn(): void {
    const next = this.head;
    if (next) {
      this.remove(next);
      if (next.signal) this.unwatch(next.signal);
      next.grant();
    } else this.available++;
  }

  /**
   * Changes the number of slots (at least 1; `capacity` keeps the configured cap) for adaptive
   * limits: added slots go to waiters at once; removed ones are taken as soon as they are free,
   * so calls in flight finish and no waiter gets a slot until the count is under the new cap.
   */
  setCapacity(slots: number): void {
    const target = Math.max(1, Math.floor(slots));
    let change = target - (Math.max(1, this.capacity) + this.slotChange);
    this.slotChange += change;
    for (; change < 0; change++) {
      if (this.available > 0) this.available--;
      else this.owed++;
    }
    for (; change > 0; change--) {
      if (this.owed > 0) this.owed--;
      else this.passOn();
    }
  }

  /** Slots added (or removed, negative) by setCapacity. */
  private slotChange = 0;
  /** Slots setCapacity took back while they were in use: the next releases are swallowed. */
  private owed = 0;
}
