import { describe, expect, it } from 'vitest';
import { orderedPool, type PoolOutcome } from '../../src/runtime/ordered-pool.js';

/** A promise and its resolver, to finish items in any order the test wants. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

async function collect<T, R>(
  pool: AsyncGenerator<PoolOutcome<T, R>>,
): Promise<PoolOutcome<T, R>[]> {
  const all: PoolOutcome<T, R>[] = [];
  for await (const outcome of pool) all.push(outcome);
  return all;
}

describe('orderedPool', () => {
  it('yields in input order whatever order the items finish in', async () => {
    const gates = [0, 1, 2, 3, 4].map(() => deferred<void>());
    const pool = orderedPool(
      [0, 1, 2, 3, 4],
      async (n) => {
        await gates[n]!.promise;
        return n * 10;
      },
      { limit: 5 },
    );
    const done = collect(pool);
    for (const n of [4, 2, 0, 3, 1]) gates[n]!.resolve();
    const outcomes = await done;
    expect(outcomes.map((o) => (o.ok ? o.value : null))).toEqual([0, 10, 20, 30, 40]);
    expect(outcomes.map((o) => o.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('never has more than `limit` items started and not yet yielded, and reads lazily', async () => {
    let started = 0;
    let yielded = 0;
    let read = 0;
    let most = 0;
    async function* items() {
      for (let i = 0; i < 200; i++) {
        read++;
        yield i;
      }
    }
    const pool = orderedPool(
      items(),
      async (n) => {
        started++;
        most = Math.max(most, started - yielded);
        // Later items finish first, so finished ones wait in the window.
        await new Promise((resolve) => setTimeout(resolve, n % 7 === 0 ? 2 : 0));
        return n;
      },
      { limit: 8 },
    );
    for await (const outcome of pool) {
      yielded++;
      expect(read - yielded).toBeLessThanOrEqual(8);
      expect(outcome.index).toBe(yielded - 1);
    }
    expect(yielded).toBe(200);
    expect(most).toBeLessThanOrEqual(8);
    expect(most).toBe(8);
  });

  it('makes a failing item an outcome and goes on with the others', async () => {
    const outcomes = await collect(
      orderedPool(
        ['a', 'bad', 'c'],
        async (s) => {
          if (s === 'bad') throw new Error('no');
          return s.toUpperCase();
        },
        { limit: 2 },
      ),
    );
    expect(outcomes.map((o) => (o.ok ? o.value : (o.error as Error).message))).toEqual([
      'A',
      'no',
      'C',
    ]);
  });

  it('starts nothing after its signal aborts, and still yields what was started', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const pool = orderedPool(
      Array.from({ length: 100 }, (_, i) => i),
      async (n) => {
        started.push(n);
        if (n === 2) controller.abort();
        await Promise.resolve();
        return n;
      },
      { limit: 4, signal: controller.signal },
    );
    const outcomes = await collect(pool);
    expect(outcomes.map((o) => o.index)).toEqual(started);
    expect(started.length).toBeLessThan(10);
  });

  it('stops reading its input when the consumer stops early', async () => {
    let closed = false;
    let read = 0;
    async function* items() {
      try {
        for (let i = 0; ; i++) {
          read++;
          yield i;
        }
      } finally {
        closed = true;
      }
    }
    for await (const outcome of orderedPool(items(), async (n) => n, { limit: 3 })) {
      if (outcome.index === 5) break;
    }
    expect(closed).toBe(true);
    expect(read).toBeLessThanOrEqual(9);
  });
});
