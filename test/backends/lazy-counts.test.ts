// lazyCounts: numbers to every reader, computed once on first read, and cheap to the collector.
import { describe, expect, it } from 'vitest';
import { isLazyCounts, lazyCounts } from '../../src/backends/lazy-counts.js';

describe('lazy token counts', () => {
  it('computes once, on first read, and reads as plain numbers', () => {
    let computed = 0;
    const counts = lazyCounts(['input_tokens', 'output_tokens'], () => {
      computed++;
      return { input_tokens: 3, output_tokens: 1 };
    });
    expect(isLazyCounts(counts)).toBe(true);
    expect(computed).toBe(0);
    expect(JSON.stringify(counts)).toBe('{"input_tokens":3,"output_tokens":1}');
    expect({ ...counts }).toEqual({ input_tokens: 3, output_tokens: 1 });
    expect(structuredClone(counts)).toEqual({ input_tokens: 3, output_tokens: 1 });
    expect(Object.keys(counts)).toEqual(['input_tokens', 'output_tokens']);
    expect(computed).toBe(1);
  });

  it('keeps each object its own counts', () => {
    const a = lazyCounts(['n'], () => ({ n: 1 }));
    const b = lazyCounts(['n'], () => ({ n: 2 }));
    expect([b.n, a.n]).toEqual([2, 1]);
  });

  it('shares one getter per key across objects (one hidden class for all counts)', () => {
    // A getter made per object gave every object its own V8 hidden class, kept in the old
    // generation until a full collection with the call's texts behind it: in a 100,000-row run
    // that was a third of what the collector promoted, and peak RSS grew with the rows.
    const get = (o: object, key: string) => Object.getOwnPropertyDescriptor(o, key)?.get;
    const a = lazyCounts(['input_tokens', 'output_tokens'], () => ({
      input_tokens: 1,
      output_tokens: 2,
    }));
    const b = lazyCounts(['input_tokens', 'output_tokens'], () => ({
      input_tokens: 3,
      output_tokens: 4,
    }));
    expect(get(a, 'input_tokens')).toBeTypeOf('function');
    expect(get(a, 'input_tokens')).toBe(get(b, 'input_tokens'));
    expect(get(a, 'output_tokens')).toBe(get(b, 'output_tokens'));
  });
});
