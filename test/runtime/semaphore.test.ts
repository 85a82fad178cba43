import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { Semaphore } from '../../src/runtime/semaphore.js';

describe('Semaphore', () => {
  it('grants waiting calls in the order they came', async () => {
    const semaphore = new Semaphore(1);
    const release = semaphore.tryAcquire()!;
    const order: number[] = [];
    const waiting = [0, 1, 2, 3].map(async (n) => {
      const done = await semaphore.acquire();
      order.push(n);
      done();
    });
    expect(semaphore.waiting).toBe(4);
    release();
    await Promise.all(waiting);
    expect(order).toEqual([0, 1, 2, 3]);
    expect(semaphore.tryAcquire()).not.toBeNull();
  });

  it('an aborted waiter leaves the queue and the slot goes to the next one', async () => {
    const semaphore = new Semaphore(1);
    const release = semaphore.tryAcquire()!;
    const controller = new AbortController();
    const aborted = semaphore.acquire(controller.signal);
    const next = semaphore.acquire();
    controller.abort(new Error('stop'));
    await expect(aborted).rejects.toThrow('stop');
    expect(semaphore.waiting).toBe(1);
    release();
    const done = await next;
    expect(semaphore.waiting).toBe(0);
    done();
    // Both slots' worth is back: one free slot, as at the start.
    expect(semaphore.tryAcquire()).not.toBeNull();
    expect(semaphore.tryAcquire()).toBeNull();
  });

  it('keeps at most one abort listener on a shared signal, however many wait', async () => {
    const semaphore = new Semaphore(1);
    const controller = new AbortController();
    const release = semaphore.tryAcquire()!;
    const waiters = Array.from({ length: 10_000 }, () => semaphore.acquire(controller.signal));
    expect(semaphore.waiting).toBe(10_000);
    expect(getEventListeners(controller.signal, 'abort').length).toBeLessThanOrEqual(1);
    release();
    for (const waiter of waiters) (await waiter)();
    // The last waiter gone, the listener goes too.
    expect(getEventListeners(controller.signal, 'abort').length).toBe(0);
  });

  it('rejects every waiter of an aborted signal, and only those', async () => {
    const semaphore = new Semaphore(1);
    const release = semaphore.tryAcquire()!;
    const a = new AbortController();
    const b = new AbortController();
    const ofA = Array.from({ length: 5 }, () => semaphore.acquire(a.signal));
    const ofB = semaphore.acquire(b.signal);
    a.abort(new Error('a'));
    for (const waiter of ofA) await expect(waiter).rejects.toThrow('a');
    release();
    (await ofB)();
    expect(getEventListeners(a.signal, 'abort').length).toBe(0);
    expect(getEventListeners(b.signal, 'abort').length).toBe(0);
  });
});
