import { describe, expect, it } from 'vitest';
import {
  applyFilter,
  callValue,
  createGlobals,
  getMember,
  isKeywordArgs,
  makeKeywordArgs,
  renderOutput,
  splitKeywordArgs,
} from '../../src/runtime/jinja/index.js';
import { renderNunjucks, tryRenderNunjucks } from './nunjucks.js';

describe('callValue', () => {
  it('fails like callWrap on undefined, falsy and non-function callees', () => {
    for (const callee of [undefined, null, 0, '', false]) {
      expect(tryRenderNunjucks('{{ f() }}', { f: callee })).toHaveProperty('error');
      expect(() => callValue(callee, [], null, 'f')).toThrow(
        /OT4007: cannot call `f`: it is undefined or falsey/,
      );
    }
    for (const callee of [1, 'text', [1], { a: 1 }]) {
      expect(tryRenderNunjucks('{{ f() }}', { f: callee })).toHaveProperty('error');
      expect(() => callValue(callee, [], null, 'f')).toThrow(/it is not a function/);
    }
  });

  it('passes keyword arguments as one last object marked __keywords', () => {
    const seen: unknown[][] = [];
    const spy = (...args: unknown[]): string => {
      seen.push(args);
      return 'ok';
    };
    renderNunjucks('{{ f(1, b=2, c=3) }}{{ f(4) }}', { f: spy });
    const ours: unknown[][] = [];
    const spy2 = (...args: unknown[]): string => {
      ours.push(args);
      return 'ok';
    };
    callValue(spy2, [1], { b: 2, c: 3 }, 'f');
    callValue(spy2, [4], null, 'f');
    callValue(spy2, [4], {}, 'f');
    expect(ours.slice(0, 2)).toEqual(seen);
    expect(ours[2]).toEqual([4]);
    expect(isKeywordArgs(ours[0]![1])).toBe(true);
  });

  it('does not mark the caller’s record', () => {
    const kwargs = { a: 1 };
    expect(makeKeywordArgs(kwargs)).toEqual({ a: 1, __keywords: true });
    expect(kwargs).toEqual({ a: 1 });
  });

  it('splits a nunjucks-convention argument list back', () => {
    expect(splitKeywordArgs([1, 2, makeKeywordArgs({ x: 3 })])).toEqual({
      args: [1, 2],
      kwargs: { x: 3 },
    });
    expect(splitKeywordArgs([1, { x: 3 }])).toEqual({ args: [1, { x: 3 }], kwargs: null });
    expect(splitKeywordArgs([])).toEqual({ args: [], kwargs: null });
  });
});

describe('createGlobals', () => {
  const globals = createGlobals();
  const call = (name: string, ...args: unknown[]): unknown =>
    callValue(globals[name], args, null, name);

  it('range behaves as nunjucks range', () => {
    const cases: [string, unknown[]][] = [
      ['range(5)', [5]],
      ['range(2, 5)', [2, 5]],
      ['range(0, 10, 3)', [0, 10, 3]],
      ['range(5, 0, -2)', [5, 0, -2]],
      ['range(3, 1)', [3, 1]],
      ['range(0)', [0]],
    ];
    for (const [source, args] of cases) {
      expect(JSON.stringify(call('range', ...args))).toBe(renderNunjucks(`{{ ${source} | dump }}`));
    }
  });

  it('cycler and joiner keep state per instance, as in nunjucks', () => {
    const cycler = call('cycler', 'odd', 'even');
    const next = (): unknown => callValue(getMember(cycler, 'next'), [], null, 'next');
    const ours = [next(), next(), next(), renderOutput(getMember(cycler, 'current'))];
    callValue(getMember(cycler, 'reset'), [], null, 'reset');
    ours.push(renderOutput(getMember(cycler, 'current')), next());
    const theirs = renderNunjucks(
      '{% set c = cycler("odd", "even") %}{{ c.next() }},{{ c.next() }},{{ c.next() }},{{ c.current }},' +
        '{% set _ = c.reset() %}{{ c.current }},{{ c.next() }}',
    );
    expect(ours.join(',')).toBe(theirs);

    const joiner = call('joiner', ' | ');
    const parts = [1, 2, 3].map((n) => `${renderOutput(callValue(joiner, [], null, 'j'))}${n}`);
    expect(parts.join('')).toBe(
      renderNunjucks(
        '{% set j = joiner(" | ") %}{% for n in [1,2,3] %}{{ j() }}{{ n }}{% endfor %}',
      ),
    );
    const comma = call('joiner');
    expect([callValue(comma, [], null, 'j'), callValue(comma, [], null, 'j')]).toEqual(['', ',']);
  });

  it('gives a fresh set of globals each time', () => {
    expect(createGlobals()).not.toBe(globals);
    expect(Object.keys(globals).sort()).toEqual(['cycler', 'image', 'joiner', 'range']);
  });

  it('lets a filter receive a global’s result', () => {
    expect(renderOutput(applyFilter('join', call('range', 3), ['-'], null))).toBe(
      renderNunjucks('{{ range(3) | join("-") }}'),
    );
  });
});
