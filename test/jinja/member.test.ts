import { describe, expect, it } from 'vitest';
import {
  callValue,
  getIndex,
  getMember,
  isJinjaError,
  markSafe,
} from '../../src/runtime/jinja/index.js';
import { renderNunjucks } from './nunjucks.js';

const objects: Record<string, unknown> = {
  undefined: undefined,
  null: null,
  list: ['a', 'b', 'c'],
  string: 'hello',
  object: { a: 1, b: { c: [true] }, '1': 'one', 'two words': 2 },
  number: 42,
  safe: markSafe('safe'),
};
const keys: unknown[] = [
  'a',
  'b',
  'length',
  0,
  1,
  -1,
  '1',
  'two words',
  'missing',
  null,
  true,
  [1],
];

describe('getMember', () => {
  it('reads data like runtime.memberLookup', () => {
    for (const [name, object] of Object.entries(objects)) {
      for (const key of keys) {
        const expected = renderNunjucks('{{ o[k] | dump }}', { o: object, k: key });
        expect(
          JSON.stringify(getMember(object, key)) ?? '',
          `${name}[${JSON.stringify(key)}]`,
        ).toBe(expected);
      }
    }
  });

  it('binds methods to their object', () => {
    const calls: [unknown, string, unknown[], string][] = [
      ['a,b', 'split', [','], '{{ o.split(",") | dump }}'],
      ['abc', 'toUpperCase', [], '{{ o.toUpperCase() }}'],
      [[1, 2], 'concat', [[3]], '{{ o.concat([3]) | dump }}'],
      [[3, 1, 2], 'indexOf', [1], '{{ o.indexOf(1) }}'],
      [2.5, 'toFixed', [2], '{{ o.toFixed(2) }}'],
    ];
    for (const [object, method, args, source] of calls) {
      const result = callValue(getMember(object, method), args, null, method);
      const rendered = source.includes('dump') ? JSON.stringify(result) : String(result);
      expect(rendered).toBe(renderNunjucks(source, { o: object }));
    }
  });

  it('lets a method mutate its receiver, as nunjucks does', () => {
    const list = [1];
    callValue(getMember(list, 'push'), [2], null, 'list.push');
    expect(list).toEqual([1, 2]);
    expect(renderNunjucks('{% set _ = l.push(2) %}{{ l }}', { l: [1] })).toBe('1,2');
  });

  for (const name of [
    'constructor',
    '__proto__',
    'prototype',
    '__lookupGetter__',
    '__defineSetter__',
  ]) {
    it(`refuses \`${name}\` on any object, naming it`, () => {
      for (const object of [{}, [], 'text', () => 1, undefined, null]) {
        let thrown: unknown;
        try {
          getMember(object, name);
        } catch (error) {
          thrown = error;
        }
        expect(isJinjaError(thrown)).toBe(true);
        expect(thrown).toMatchObject({ code: 'OT4001', args: { name } });
      }
    });
  }

  it('checks the key after JavaScript converts it, so a list key cannot smuggle a name', () => {
    expect(() => getIndex({}, ['constructor'])).toThrow(/`constructor`/);
    expect(() => getIndex({}, markSafe('__proto__'))).toThrow(/`__proto__`/);
  });

  it('reads a JSON object that has an own "__proto__" key as refused, not as data', () => {
    const data = JSON.parse('{"__proto__": 1}') as unknown;
    expect(() => getMember(data, '__proto__')).toThrow(/OT4001/);
  });
});
