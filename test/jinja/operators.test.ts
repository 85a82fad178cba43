import { describe, expect, it } from 'vitest';
import {
  binaryOp,
  compareChain,
  compareOp,
  isTruthy,
  renderOutput,
  unaryOp,
  type CompareOperator,
  type StrictBinaryOperator,
} from '../../src/runtime/jinja/index.js';
import { tryRenderNunjucks, tryRun } from './nunjucks.js';

// Operands of every kind; each pair is checked against nunjucks for every operator.
const operands: Record<string, unknown> = {
  undefined: undefined,
  null: null,
  true: true,
  int: 7,
  negative: -2,
  float: 2.5,
  zero: 0,
  string: 'ab',
  numericString: '3',
  emptyString: '',
  list: [1, 2],
  object: { a: 1 },
};

const arithmetic: StrictBinaryOperator[] = [
  '+',
  '-',
  '*',
  '/',
  '//',
  '%',
  '**',
  '~',
  'in',
  'not in',
];

describe('binaryOp', () => {
  for (const operator of arithmetic) {
    it(`${operator} matches nunjucks for every pair of operand kinds`, () => {
      for (const [leftName, left] of Object.entries(operands)) {
        for (const [rightName, right] of Object.entries(operands)) {
          const source = `{{ (a ${operator} b) | dump }}|{{ a ${operator} b }}`;
          const expected = tryRenderNunjucks(source, { a: left, b: right });
          const actual = tryRun(() => {
            const result = binaryOp(operator, left, right);
            return `${JSON.stringify(result) ?? ''}|${renderOutput(result)}`;
          });
          // Both fail (an `in` on a number) or both give the same text.
          expect('error' in actual, `${leftName} ${operator} ${rightName}`).toBe(
            'error' in expected,
          );
          if ('text' in expected)
            expect(actual, `${leftName} ${operator} ${rightName}`).toEqual(expected);
        }
      }
    });
  }
});

describe('unaryOp', () => {
  for (const operator of ['-', '+', 'not'] as const) {
    it(`${operator} matches nunjucks`, () => {
      for (const [name, value] of Object.entries(operands)) {
        const source = `{{ (${operator} a) | dump }}`;
        const expected = tryRenderNunjucks(source, { a: value });
        expect({ text: JSON.stringify(unaryOp(operator, value)) ?? '' }, name).toEqual(expected);
      }
    });
  }
});

const comparisons: CompareOperator[] = ['==', '===', '!=', '!==', '<', '>', '<=', '>='];

describe('compareOp', () => {
  for (const operator of comparisons) {
    it(`${operator} matches nunjucks`, () => {
      for (const [leftName, left] of Object.entries(operands)) {
        for (const [rightName, right] of Object.entries(operands)) {
          const expected = tryRenderNunjucks(`{{ a ${operator} b }}`, { a: left, b: right });
          expect(
            { text: String(compareOp(operator, left, right)) },
            `${leftName} ${operator} ${rightName}`,
          ).toEqual(expected);
        }
      }
    });
  }
});

describe('compareChain', () => {
  const chains: [unknown[], CompareOperator[]][] = [
    [
      [1, 2, 3],
      ['<', '<'],
    ],
    [
      [3, 2, 1],
      ['>', '>'],
    ],
    [
      [1, 2, 3],
      ['==', '<'],
    ],
    [
      [true, 2, 3],
      ['==', '<'],
    ],
    [
      [1, 2, 3, 4],
      ['<', '==', '<'],
    ],
    [
      [2, 2, 1],
      ['==', '=='],
    ],
    [
      [1, 1, 2, 2],
      ['!=', '<', '!=='],
    ],
    [
      [0, 1, 0, 1],
      ['<=', '>=', '==='],
    ],
    [
      ['a', 'b', true],
      ['<', '==='],
    ],
  ];
  for (const [values, operators] of chains) {
    it(`evaluates ${operators.join(' ')} as nunjucks' emitted JavaScript does`, () => {
      const names = values.map((_, i) => `v${i}`);
      let source = names[0]!;
      operators.forEach((op, i) => (source += ` ${op} ${names[i + 1]}`));
      const context = Object.fromEntries(values.map((v, i) => [`v${i}`, v]));
      const expected = tryRenderNunjucks(`{{ ${source} }}`, context);
      expect({ text: String(compareChain(values[0], operators, values.slice(1))) }).toEqual(
        expected,
      );
    });
  }

  it('is the operand itself without operators', () => {
    expect(compareChain(5, [], [])).toBe(5);
  });
});

describe('isTruthy', () => {
  it('matches `{% if %}` for every operand kind', () => {
    for (const [name, value] of Object.entries(operands)) {
      const expected = tryRenderNunjucks('{% if v %}T{% else %}F{% endif %}', { v: value });
      expect({ text: isTruthy(value) ? 'T' : 'F' }, name).toEqual(expected);
    }
  });
});
