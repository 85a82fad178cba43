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
}
