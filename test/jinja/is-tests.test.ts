import nunjucksTests from 'nunjucks/src/tests.js';
import { describe, expect, it } from 'vitest';
import { applyTest, hasTest, markSafe, testNames } from '../../src/runtime/jinja/index.js';
import { tryRenderNunjucks, tryRun } from './nunjucks.js';

type TestCase = [name: string, values: unknown[], arg?: unknown];

const values = [
  undefined,
  null,
  0,
  1,
  2,
  3,
  -4,
  2.5,
  '',
  'abc',
  'ABC',
  'aBc',
  [],
  [1],
  {},
  { a: 1 },
  true,
  false,
  markSafe('s'),
];
const cases: TestCase[] = [
  ['callable', [...values, () => 1]],
  ['defined', values],
  ['divisibleby', [0, 3, 4, 9, -6, 2.5], 3],
  ['escaped', values],
  ['equalto', values, 1],
  ['eq', values, 'abc'],
  ['sameas', values, null],
  ['even', values],
  ['falsy', values],
  ['ge', values, 2],
  ['greaterthan', values, 1],
  ['gt', values, 'b'],
  ['le', values, 2],
  ['lessthan', values, 1],
  ['lt', values, 'b'],
  ['lower', ['abc', 'ABC', 'aBc', '', '1', markSafe('x')]],
  ['ne', values, 1],
  ['null', values],
  ['number', values],
  ['odd', values],
  ['string', values],
  ['truthy', values],
  ['undefined', values],
  ['upper', ['abc', 'ABC', 'aBc', '', '1']],
  ['iterable', values.filter((v) => v !== undefined && v !== null)],
  ['mapping', values],
  // nunjucks fails on these: so must we.
  ['lower', [5, undefined]],
  ['iterable', [undefined, null]],
];

describe('applyTest', () => {
  for (const [name, testValues, arg] of cases) {
    it(`${name}${arg === undefined ? '' : `(${JSON.stringify(arg)})`} agrees with nunjucks`, () => {
      for (const value of testValues) {
        const source = arg === undefined ? `{{ v is ${name} }}` : `{{ v is ${name}(a) }}`;
        const expected = tryRenderNunjucks(source, { v: value, a: arg });
        const actual = tryRun(() => String(applyTest(name, value, arg === undefined ? [] : [arg])));
        if ('error' in expected) expect(actual, String(value)).toHaveProperty('error');
        else expect(actual, String(value)).toEqual(expected);
      }
    });
  }

  it('treats `is none` as nunjucks does (the `null` test)', () => {
    for (const value of [null, undefined, 0, '']) {
      expect(String(applyTest('none', value, []))).toBe(
        (tryRenderNunjucks('{{ v is none }}', { v: value }) as { text: string }).text,
      );
    }
  });

  it('covers every nunjucks test and knows no others', () => {
    const covered = new Set(cases.map(([name]) => name));
    expect(Object.keys(nunjucksTests).filter((name) => !covered.has(name))).toEqual([]);
    expect(testNames()).toEqual([...Object.keys(nunjucksTests), 'none'].sort());
    expect(hasTest('odd')).toBe(true);
    expect(hasTest('none')).toBe(true);
    for (const name of ['constructor', 'true', 'toString', 'nope'])
      expect(hasTest(name)).toBe(false);
  });

  it('fails with OT2010 for an unknown test and OT4010 inside a test', () => {
    expect(() => applyTest('nope', 1, [])).toThrow(/^OT2010: unknown test `nope`/);
    expect(() => applyTest('upper', 5, [])).toThrow(/^OT4010: test `upper` failed: /);
  });
});
