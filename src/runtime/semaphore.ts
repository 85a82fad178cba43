/**
 * A counting semaphore with a FIFO queue: calls wait their turn without polling, and a waiting
 * call whose signal aborts leaves the queue at once.
 */
export class Semaphore {
  private available: number;
  private readonly waiters: { grant: () => void; reject: (reason: unknown) => void }[] = [];

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
      const waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        reject,
      };
      const onAbort = () => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
    return this.releaser();
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      // The slot passes straight to the next waiter, so it cannot be taken in between.
      if (next) next.grant();
      else this.available++;
    };
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
    // A slot being taken back is a waiter at the head of the queue that swallows the next release.
    const takeBack = Semaphore.takeBack;
    const isTakeBack = (waiter: { reject: unknown }): boolean => waiter.reject === takeBack;
    for (; change < 0; change++) {
      if (this.available > 0) this.available--;
      else this.waiters.unshift({ grant: () => {}, reject: takeBack });
    }
    for (; change > 0; change--) {
      const pending = this.waiters.findIndex(isTakeBack);
      if (pending >= 0) this.waiters.splice(pending, 1);
      else {
        const next = this.waiters.shift();
        if (next) next.grant();
        else this.available++;
      }
    }
  }

  /** Slots added (or removed, negative) by setCapacity. */
  private slotChange = 0;
  /** Marks the placeholder waiters of setCapacity. */
  private static readonly takeBack = (): void => {};
}
