// parIter is an executable of the results (OneTwo's par_iter); parIterStream the async iterator.
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  createFakeBackend,
  createRegistry,
  Executable,
  llm,
  makeExecutable,
  parIter,
  parIterStream,
  run,
} from '../../src/index.js';

const registry = (latency = 0) =>
  createRegistry([
    createFakeBackend(
      {
        model: `par-iter-${latency}`,
        latency_ms: latency,
        replies: [
          { match: 'fail', reply: { error: 'no' } },
          { match: '/n(\\d)/', reply: 'ok' },
        ],
      },
      'fake',
    ),
  ]);

describe('parIter', () => {
  it('is lazy and gives the results in input order', async () => {
    const started: number[] = [];
    const e = parIter([3, 1, 2], (n) => {
      started.push(n);
      return llm.generateText(`n${n}`);
    });
    expectTypeOf(e).toEqualTypeOf<Executable<string[]>>();
    expect(started).toEqual([]);
    expect(await run(e, { registry: registry() })).toEqual(['ok', 'ok', 'ok']);
    expect(started).toEqual([3, 1, 2]);
  });

  it('takes async functions and plain values, and passes the index', async () => {
    const e = parIter(['a', 'b'], async (item, index) => {
      const reply = await llm.generateText(`n${index}`);
      return `${item}${index}:${reply}`;
    });
    expectTypeOf(e).toEqualTypeOf<Executable<string[]>>();
    expect(await run(e, { registry: registry() })).toEqual(['a0:ok', 'b1:ok']);
    expectTypeOf(parIter([1, 2], (n) => n * 2)).toEqualTypeOf<Executable<number[]>>();
  });

  it('keeps at most `concurrency` items in progress', async () => {
    let inFlight = 0;
    let most = 0;
    const e = parIter(
      [1, 2, 3, 4, 5],
      async (n) => {
        inFlight++;
        most = Math.max(most, inFlight);
        const reply = await llm.generateText(`n${n}`);
        inFlight--;
        return reply;
      },
      { concurrency: 2 },
    );
    await run(e, { registry: registry(20) });
    expect(most).toBe(2);
  });

  it('fails with the first failure', async () => {
    const e = parIter(['n1', 'fail', 'n2'], (prompt) => llm.generateText(prompt));
    await expect(run(e, { registry: registry() })).rejects.toThrow(/no/);
  });
});

describe('parIterStream', () => {
  it('yields in input order inside a run', async () => {
    const seen: string[] = [];
    const body = makeExecutable(async () => {
      for await (const value of parIterStream(
        [2, 1],
        async (n) => `${n}${await llm.generateText(`n${n}`)}`,
      ))
        seen.push(value);
      return seen.length;
    });
    expect(await run(body(), { registry: registry() })).toBe(2);
    expect(seen).toEqual(['2ok', '1ok']);
  });
});
