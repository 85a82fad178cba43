import nunjucksFilters from 'nunjucks/src/filters.js';
import { describe, expect, it } from 'vitest';
import {
  applyFilter,
  filterNames,
  hasFilter,
  isJinjaError,
  markSafe,
  renderOutput,
} from '../../src/runtime/jinja/index.js';
import { tryRenderNunjucks, tryRun } from './nunjucks.js';

type FilterCase = [
  name: string,
  target: unknown,
  args?: unknown[],
  kwargs?: Record<string, unknown>,
];

const people = [
  { name: 'Ann', team: 'b', age: 31, admin: true },
  { name: 'bob', team: 'a', age: 25, admin: false },
  { name: 'Cy', team: 'b', age: 40, admin: true },
];

// At least one case per built-in filter; several where arguments change the behaviour.
const cases: FilterCase[] = [
  ['abs', -3],
  ['abs', 2.5],
  ['batch', [1, 2, 3, 4, 5], [2]],
  ['batch', [1, 2, 3, 4, 5], [2, 'x']],
  ['capitalize', 'hELLO world'],
  ['capitalize', markSafe('sAFE')],
  ['center', 'ab', [7]],
  ['center', 'abc'],
  ['default', undefined, ['fallback']],
  ['default', null, ['fallback']],
  ['default', '', ['fallback', true]],
  ['default', 0, ['fallback']],
  ['d', undefined, ['alias']],
  ['dictsort', { b: 1, a: 3, C: 2 }],
  ['dictsort', { b: 1, a: 3, C: 2 }, [true]],
  ['dictsort', { b: 1, a: 3, C: 2 }, [false, 'value']],
  ['dump', { a: [1, 'x'], b: null }],
  ['dump', [1, 2], [2]],
  ['escape', '<a href="x">&\'\\'],
  ['e', '<i>'],
  ['escape', markSafe('<b>')],
  ['safe', '<b>'],
  ['safe', null],
  ['first', [3, 2, 1]],
  ['first', 'abc'],
  ['forceescape', markSafe('<b>')],
  ['groupby', people, ['team']],
  ['indent', 'a\nb\nc', [2]],
  ['indent', 'a\nb', [3, true]],
  ['indent', ''],
  ['join', ['a', 'b', 'c'], [', ']],
  ['join', people, ['/', 'name']],
  ['join', [1, 2]],
  ['last', [1, 2, 3]],
  ['last', 'xyz'],
  ['length', [1, 2]],
  ['length', 'abc'],
  ['length', { a: 1, b: 2 }],
  ['length', undefined],
  ['length', markSafe('four')],
  ['list', 'abc'],
  ['list', { a: 1, b: 2 }],
  ['list', [1, 2]],
  ['list', 5],
  ['lower', 'ABC dEf'],
  ['nl2br', 'a\nb\r\nc'],
  ['random', [7, 7, 7]],
  ['reject', [1, 2, 3, 4], ['odd']],
  ['rejectattr', people, ['admin']],
  ['select', [1, 2, 3, 4], ['even']],
  ['select', [0, 1, '', null, 'x']],
  ['select', [5, 7, 10, 15], ['divisibleby', 5]],
  ['select', [1], ['nosuchtest']],
  ['selectattr', people, ['admin']],
  ['replace', 'aaa', ['a', 'b']],
  ['replace', 'aaa', ['a', 'b', 2]],
  ['replace', 'abc', ['', '-']],
  ['replace', 12345, [3, 'x']],
  ['replace', 'abc', [1, 'x']],
  ['reverse', 'abc'],
  ['reverse', [1, 2, 3]],
  ['round', 2.567, [2]],
  ['round', 2.567, [1, 'floor']],
  ['round', 2.123, [0, 'ceil']],
  ['round', 2.5],
  ['slice', [1, 2, 3, 4, 5, 6, 7], [3]],
  ['slice', [1, 2, 3, 4, 5, 6, 7], [3, 'x']],
  ['sum', [1, 2, 3]],
  ['sum', people, ['age']],
  ['sum', [1, 2], [null, 10]],
  ['sort', [3, 1, 2]],
  ['sort', ['b', 'A', 'c']],
  ['sort', ['b', 'A', 'c'], [true]],
  ['sort', ['b', 'A', 'c'], [false, true]],
  ['sort', [3, 1, 2], [], { reverse: true }],
  ['sort', people, [], { attribute: 'age' }],
  ['sort', people, [true, false, 'name']],
  ['string', 12],
  ['string', [1, 2]],
  ['striptags', '<p>Hello <b>world</b></p>\n\n\n  <!-- c --> x  '],
  ['striptags', '<p>Hello</p>\n\n\n\nx   y', [true]],
  ['title', 'hello big world'],
  ['trim', '  x y \n'],
  ['trim', markSafe('  s  ')],
  ['truncate', 'hello world foo', [8]],
  ['truncate', 'hello world foo', [8, true]],
  ['truncate', 'hello world foo', [8, false, '!']],
  ['truncate', 'hello world foo', [8], { end: '!' }],
  ['truncate', 'short'],
  ['upper', 'abc'],
  ['urlencode', 'a b&c/é'],
  ['urlencode', { a: 'x y', b: 1 }],
  [
    'urlencode',
    [
      ['k', 'v w'],
      ['z', '&'],
    ],
  ],
  ['urlize', 'see http://x.com/a, www.y.org or a@b.com and z.net.'],
  ['urlize', 'http://example.com/long/path', [10, true]],
  ['wordcount', 'one two  three'],
  ['wordcount', ''],
  ['float', '2.5'],
  ['float', 'x', [1.5]],
  ['int', '42'],
  ['int', '3.9'],
  ['int', 'x', [7]],
  ['int', 'ff', [], { base: 16 }],
  ['int', '11', [0, 2]],
  // nunjucks fails on these: so must we.
  ['upper', 5],
  ['dictsort', [1, 2]],
  ['first', undefined],
];

function nunjucksSource(name: string, args: unknown[], kwargs: Record<string, unknown>): string {
  const parts = [...args.map((_, i) => `a${i}`), ...Object.keys(kwargs).map((k) => `${k}=k_${k}`)];
  const call = parts.length ? `${name}(${parts.join(', ')})` : name;
  return `{{ t | ${call} }}|{{ t | ${call} | dump }}`;
}

describe('applyFilter', () => {
  for (const [name, target, args = [], kwargs = {}] of cases) {
    it(`${name}(${JSON.stringify(args).slice(1, -1)}${Object.keys(kwargs).length ? ', ' + JSON.stringify(kwargs) : ''}) on ${JSON.stringify(target) ?? 'undefined'}`, () => {
      const context: Record<string, unknown> = { t: target };
      args.forEach((arg, i) => (context[`a${i}`] = arg));
      for (const [key, value] of Object.entries(kwargs)) context[`k_${key}`] = value;
      const expected = tryRenderNunjucks(nunjucksSource(name, args, kwargs), context);
      const actual = tryRun(() => {
        const result = applyFilter(name, target, args, Object.keys(kwargs).length ? kwargs : null);
        return `${renderOutput(result)}|${JSON.stringify(result) ?? ''}`;
      });
      if ('error' in expected) {
        expect(actual).toHaveProperty('error');
        expect((actual as { error: string }).error).toMatch(/^OT4009: filter `\w+` failed: /);
      } else {
        expect(actual).toEqual(expected);
      }
    });
  }

  it('covers every nunjucks filter', () => {
    const covered = new Set(cases.map(([name]) => name));
    expect(filterNames().filter((name) => !covered.has(name))).toEqual([]);
    expect(filterNames().sort()).toEqual(Object.keys(nunjucksFilters).sort());
  });

  it('knows exactly the nunjucks filters', () => {
    expect(hasFilter('upper')).toBe(true);
    expect(hasFilter('e')).toBe(true);
    for (const name of ['constructor', 'toString', '__proto__', 'map', 'nope'])
      expect(hasFilter(name)).toBe(false);
  });

  it('reports an unknown filter as OT2006', () => {
    let thrown: unknown;
    try {
      applyFilter('nope', 'x', [], null);
    } catch (error) {
      thrown = error;
    }
    expect(isJinjaError(thrown) && thrown.code).toBe('OT2006');
  });

  it('refuses attribute arguments that reach JavaScript internals', () => {
    for (const [name, args] of [
      ['join', [',', 'constructor']],
      ['sum', ['__proto__']],
      ['selectattr', ['constructor']],
      ['rejectattr', ['prototype']],
    ] as const) {
      expect(() => applyFilter(name, [{ a: 1 }], args, null)).toThrow(/OT4001/);
    }
    // A separator that happens to spell one is fine.
    expect(applyFilter('join', ['a', 'b'], ['constructor'], null)).toBe('aconstructorb');
  });
});
