import { describe, expect, it } from 'vitest';
import { isSafeString, markSafe, sliceValue } from '../../src/runtime/jinja/index.js';

// [start, stop, step, Python's 'abcdef'[start:stop:step]], computed with CPython 3.
const pythonCases: [number | null, number | null, number | null, string][] = [
  [null, null, null, 'abcdef'],
  [1, null, null, 'bcdef'],
  [null, 3, null, 'abc'],
  [-2, null, null, 'ef'],
  [null, -2, null, 'abcd'],
  [1, -1, null, 'bcde'],
  [null, null, 2, 'ace'],
  [null, null, -1, 'fedcba'],
  [4, 1, -1, 'edc'],
  [-1, -7, -2, 'fdb'],
  [10, 20, null, ''],
  [-10, 2, null, 'ab'],
  [null, null, -3, 'fc'],
  [2, 100, 3, 'cf'],
  [5, null, -2, 'fdb'],
  [3, 3, null, ''],
  [-100, 100, -1, ''],
];

describe('sliceValue', () => {
  for (const [start, stop, step, expected] of pythonCases) {
    it(`[${start ?? ''}:${stop ?? ''}:${step ?? ''}] matches Python on strings and lists`, () => {
      expect(sliceValue('abcdef', start, stop, step)).toBe(expected);
      expect(sliceValue('abcdef'.split(''), start, stop, step)).toEqual(expected.split(''));
      // undefined (an absent bound) and none mean the same.
      expect(sliceValue('abcdef', start ?? undefined, stop ?? undefined, step ?? undefined)).toBe(
        expected,
      );
    });
  }

  it('slices an empty string and list to empty ones', () => {
    expect(sliceValue('', null, null, null)).toBe('');
    expect(sliceValue([], 1, 5, null)).toEqual([]);
  });

  it('returns a new list and keeps items as they are', () => {
    const list = [{ a: 1 }, null, undefined];
    const copy = sliceValue(list, null, null, null) as unknown[];
    expect(copy).not.toBe(list);
    expect(copy).toEqual(list);
    expect(copy[0]).toBe(list[0]);
  });

  it('keeps a SafeString safe', () => {
    const result = sliceValue(markSafe('<b>x'), 1, 2, null);
    expect(isSafeString(result)).toBe(true);
    expect(String(result)).toBe('b');
  });

  it('slices undefined and none to an empty list, as nunjucks-compat does', () => {
    expect(sliceValue(undefined, 1, null, null)).toEqual([]);
    expect(sliceValue(null, null, null, null)).toEqual([]);
  });

  it('refuses what Python refuses', () => {
    expect(() => sliceValue('abc', null, null, 0)).toThrow(
      /^OT4012: cannot slice with a step of 0/,
    );
    expect(() => sliceValue('abc', 1.5, null, null)).toThrow(/with the index 1.5/);
    expect(() => sliceValue('abc', '1', null, null)).toThrow(/with the index "1"/);
    expect(() => sliceValue(5, null, null, null)).toThrow(/cannot slice a number/);
    expect(() => sliceValue({ a: 1 }, null, null, null)).toThrow(/cannot slice an object/);
  });
});
