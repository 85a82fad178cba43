import { describe, expect, it } from 'vitest';
import { createGlobals, createLoop, markSafe, toJsonValue } from '../../src/runtime/jinja/index.js';

describe('toJsonValue', () => {
  it('is what JSON.stringify would print, for plain data', () => {
    const values = [
      null,
      true,
      0,
      -1.5,
      'x',
      [],
      {},
      [1, 'a', null, [true]],
      { b: { c: [1] }, a: 'z' },
      NaN,
      Infinity,
    ];
    for (const value of values) {
      expect(JSON.stringify(toJsonValue(value))).toBe(JSON.stringify(value));
    }
  });

  it('drops undefined and functions from objects and nulls them in lists, as JSON does', () => {
    const value = { a: undefined, b: () => 1, c: [undefined, () => 1], d: 1 };
    expect(toJsonValue(value)).toEqual({ c: [null, null], d: 1 });
    expect(JSON.stringify(toJsonValue(value))).toBe(JSON.stringify(value));
    expect(toJsonValue(undefined)).toBeNull();
  });

  it('turns SafeStrings into their text, at any depth', () => {
    expect(toJsonValue(markSafe('<b>'))).toBe('<b>');
    expect(toJsonValue({ list: [markSafe('a')] })).toEqual({ list: ['a'] });
  });

  it('keeps runtime objects’ data (a loop, a cycler)', () => {
    expect(toJsonValue(createLoop(1, 3))).toEqual({
      index: 2,
      index0: 1,
      revindex: 2,
      revindex0: 1,
      first: false,
      last: false,
      length: 3,
    });
    expect(toJsonValue(createGlobals().cycler!('a'))).toEqual({ current: null });
  });

  it('reports a value that contains itself as OT4013, and accepts shared parts', () => {
    const cyclic: unknown[] = [1];
    cyclic.push(cyclic);
    expect(() => toJsonValue(cyclic)).toThrow(/^OT4013/);
    const shared = { x: 1 };
    expect(toJsonValue([shared, shared])).toEqual([{ x: 1 }, { x: 1 }]);
  });
});
