import type { BinaryExpr, Expr } from './ast.js';

/** The binary arithmetic operators of nunjucks. */
export type ArithmeticOperator = '~' | '+' | '-' | '*' | '/' | '//' | '%' | '**';

/** A binary node spanning both operands. */
export function createBinary(
  operator: BinaryExpr['operator'],
  left: Expr,
  right: Expr,
): BinaryExpr {
  return {
    type: 'Binary',
    operator,
    left,
    right,
    span: { start: left.span.start, end: right.span.end },
  };
}

/**
 * Groups `t0 op1 t1 … opN tN` the way nunjucks *evaluates* it, which is not the way its parser
 * nests it: nunjucks compiles `+ - * / % ~` to the same JavaScript operators without
 * parentheses, so JavaScript's precedence decides (`2 * 5 % 3` is 1, `1 ~ 2 + 3` is "123",
 * `"a" + 1 - 1` is NaN), while `**` and `//` become calls (`Math.pow`, `Math.floor`) that group
 * their operands as nunjucks' parser does. So:
 *
 * 1. `**` binds tightest, left to right (`2 ** 3 ** 2` is 64).
 * 2. `a % b // c % d` is one floor division of two `%` chains: `//` groups the `%` chains
 *    around it (nunjucks parses `%` tighter than `//`).
 * 3. `* / %` bind tighter than `+ - ~`, each left to right, as in JavaScript.
 *
 * One case stays approximate: the right operand of `//` being a `%` chain (`9 // 4 % 3`), which
 * nunjucks evaluates as `floor(9 / 4 % 3)`, a shape no AST node expresses; it is grouped as
 * `9 // (4 % 3)`.
 */
export function groupArithmetic(terms: Expr[], operators: ArithmeticOperator[]): Expr {
  const powTerms: Expr[] = [terms[0]!];
  const powOperators: ArithmeticOperator[] = [];
  operators.forEach((operator, i) => {
    const next = terms[i + 1]!;
    if (operator === '**') powTerms.push(createBinary('**', powTerms.pop()!, next));
    else {
      powOperators.push(operator);
      powTerms.push(next);
    }
  });
  const [floorTerms, floorOperators] = groupFloorDivisions(powTerms, powOperators);
  return groupJavaScriptLevels(floorTerms, floorOperators);
}

/** Replaces every `m1 // m2 // …` run (each `m` a `%` chain) by one left-nested `//` node. */
function groupFloorDivisions(
  terms: Expr[],
  operators: ArithmeticOperator[],
): [Expr[], ArithmeticOperator[]] {
  if (!operators.includes('//')) return [terms, operators];
  const outTerms: Expr[] = [];
  const outOperators: ArithmeticOperator[] = [];
  let i = 0;
  while (i < terms.length) {
    // A run of terms joined by `%` and `//`, from terms[i] to terms[end].
    let end = i;
    while (end < operators.length && (operators[end] === '%' || operators[end] === '//')) end++;
    const runOperators = operators.slice(i, end);
    if (runOperators.includes('//')) {
      outTerms.push(floorRun(terms.slice(i, end + 1), runOperators));
    } else {
      // Loops rather than push(...): a spread of a long run would overflow the stack.
      for (let k = i; k <= end; k++) outTerms.push(terms[k]!);
      for (const operator of runOperators) outOperators.push(operator);
    }
    if (end < operators.length) outOperators.push(operators[end]!);
    i = end + 1;
  }
  return [outTerms, outOperators];
}

function floorRun(terms: Expr[], operators: ArithmeticOperator[]): Expr {
  let result: Expr | null = null;
  let chain: Expr = terms[0]!;
  for (let i = 0; i < operators.length; i++) {
    const next = terms[i + 1]!;
    if (operators[i] === '%') chain = createBinary('%', chain, next);
    else {
      result = result === null ? chain : createBinary('//', result, chain);
      chain = next;
    }
  }
  return result === null ? chain : createBinary('//', result, chain);
}

function isMultiplicative(operator: ArithmeticOperator): boolean {
  return operator === '*' || operator === '/' || operator === '%';
}

function groupJavaScriptLevels(terms: Expr[], operators: ArithmeticOperator[]): Expr {
  const sumTerms: Expr[] = [terms[0]!];
  const sumOperators: ArithmeticOperator[] = [];
  operators.forEach((operator, i) => {
    const next = terms[i + 1]!;
    if (isMultiplicative(operator)) sumTerms.push(createBinary(operator, sumTerms.pop()!, next));
    else {
      sumOperators.push(operator);
      sumTerms.push(next);
    }
  });
  let result = sumTerms[0]!;
  sumOperators.forEach((operator, i) => {
    result = createBinary(operator, result, sumTerms[i + 1]!);
  });
  return result;
}
