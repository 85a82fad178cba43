import { describe, expect, it } from 'vitest';
import {
  addCounts,
  countOf,
  countSymbol,
  evaluateCount,
  formatCount,
  maxCounts,
  minCounts,
  multiplyCounts,
} from '../../src/plan/count.js';
import { printExpr } from '../../src/plan/print-expr.js';
import { loadProgram } from '../../src/ir/load-program.js';

describe('symbolic counts', () => {
  const n = countSymbol('len(items)');
  const m = countSymbol('len(rows)');

  it('add, multiply and print', () => {
    expect(formatCount(addCounts(countOf(1), multiplyCounts(countOf(2), n)))).toBe(
      '1 + 2 × len(items)',
    );
    expect(formatCount(multiplyCounts(addCounts(n, countOf(1)), m))).toBe(
      'len(rows) + len(items) × len(rows)',
    );
    expect(formatCount(countOf(0))).toBe('0');
  });

  it('bound term by term, and evaluate', () => {
    const a = addCounts(countOf(3), n);
    const b = multiplyCounts(countOf(2), n);
    expect(formatCount(maxCounts(a, b))).toBe('3 + 2 × len(items)');
    expect(formatCount(minCounts(a, b))).toBe('len(items)');
    expect(evaluateCount(a, () => 4)).toBe(7);
  });
});

describe('printExpr', () => {
  it('prints expressions as Jinja, parenthesising operations used as operands', () => {
    const source =
      '{{ (a.b[0] | join(", ")) ~ f(x, k=2) }}{{ x if y else none }}{{ not (p is odd) }}{{ s[1:2] }}';
    const { program } = loadProgram('e.ot', { source });
    const exprs = program.templates['e.ot']!.body.flatMap((stmt) =>
      stmt.kind === 'output' ? [printExpr(stmt.expr)] : [],
    );
    expect(exprs).toEqual([
      '(a.b[0] | join(", ")) ~ f(x, k=2)',
      'x if y else none',
      'not (p is odd)',
      's[1:2]',
    ]);
  });
});
