import { describe, expect, it } from 'vitest';
import {
  advanceLoop,
  createLoop,
  iterateFor,
  markSafe,
  renderOutput,
  type LoopVariables,
} from '../../src/runtime/jinja/index.js';
import { tryRenderNunjucks, tryRun } from './nunjucks.js';

const iterables: Record<string, unknown> = {
  undefined: undefined,
  null: null,
  zero: 0,
  number: 5,
  true: true,
  emptyString: '',
  string: 'abc',
  emptyList: [],
  list: ['x', 'y', 'z'],
  pairs: [
    [1, 'one'],
    [2, 'two', 'extra'],
  ],
  strings: ['ab', 'cd'],
  ragged: [[1], 'x', 5],
  withNull: [[1, 2], null],
  emptyObject: {},
  object: { b: 1, a: [2], c: null },
  lengthObject: { length: 2, 0: 'first' },
  fractionalLength: { length: 1.5, 0: 'a', 1: 'b' },
  set: new Set(['s1', 's2']),
  map: new Map([
    ['k1', 'v1'],
    ['k2', 'v2'],
  ]),
  safe: markSafe('hi'),
};

const loopFields = ['index', 'index0', 'revindex', 'revindex0', 'first', 'last', 'length'] as const;

/** What our helpers produce for the reference template below. */
function renderOurs(iterable: unknown, targets: string[]): string {
  const { rows, length } = iterateFor(iterable, targets.length);
  let out = '';
  let loop: LoopVariables | null = null;
  for (let i = 0; i < rows.length; i++) {
    if (loop === null) loop = createLoop(i, length);
    else advanceLoop(loop, i, length);
    out += `[${rows[i]!.map(renderOutput).join('|')}:${loopFields.map((f) => renderOutput(loop![f])).join(',')}]`;
  }
  if (!length) out += 'ELSE';
  return out;
}

function reference(targets: string[]): string {
  const loopPart = loopFields.map((f) => `{{ loop.${f} }}`).join(',');
  return `{% for ${targets.join(', ')} in v %}[${targets.map((t) => `{{ ${t} }}`).join('|')}:${loopPart}]{% else %}ELSE{% endfor %}`;
}

describe('iterateFor and the loop variables', () => {
  for (const targets of [['x'], ['k', 'v'], ['a', 'b', 'c']]) {
    for (const [name, iterable] of Object.entries(iterables)) {
      it(`${targets.join(', ')} in ${name}`, () => {
        const expected = tryRenderNunjucks(reference(targets), { v: iterable });
        const actual = tryRun(() => renderOurs(iterable, targets));
        if ('error' in expected) expect(actual).toHaveProperty('error');
        else expect(actual).toEqual(expected);
      });
    }
  }

  it('reports a missing row as OT4011', () => {
    expect(() => iterateFor([null], 2)).toThrow(
      /^OT4011: cannot unpack null into 2 loop variables/,
    );
  });

  it('lists exactly the loop fields nunjucks sets, in its order', () => {
    expect(Object.keys(createLoop(0, 3))).toEqual([...loopFields]);
    expect(tryRenderNunjucks('{% for x in [1, 2] %}{{ loop | dump }}{% endfor %}')).toEqual({
      text: JSON.stringify(createLoop(0, 2)) + JSON.stringify(createLoop(1, 2)),
    });
  });

  it('has no loop.cycle, as nunjucks has none', () => {
    expect(
      tryRenderNunjucks('{% for x in [1] %}{{ loop.cycle("a", "b") }}{% endfor %}'),
    ).toHaveProperty('error');
    expect('cycle' in createLoop(0, 1)).toBe(false);
  });
});
