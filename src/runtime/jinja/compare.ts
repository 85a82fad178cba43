import type { CompareExprIR } from '../../ir/ir.js';
import { assertNever } from '../../assert-never.js';

/** A comparison operator of the language. */
export type CompareOperator = CompareExprIR['rest'][number]['operator'];

type Loose = number & string;

/** One comparison, with JavaScript's semantics (nunjucks emits the operator as is: `==` is loose). */
export function compareOp(operator: CompareOperator, left: unknown, right: unknown): boolean {
  const a = left as Loose;
  const b = right as Loose;
  switch (operator) {
    case '==':
      return a == b;
    case '===':
      return a === b;
    case '!=':
      return a != b;
    case '!==':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
    default:
      return assertNever(operator);
  }
}

/**
 * A comparison chain `e0 op1 e1 op2 e2 …`, given its evaluated operands (`operands[i]` is the
 * right side of `operators[i]`). nunjucks emits the chain verbatim into JavaScript, so it is not
 * Python's `e0 op1 e1 and e1 op2 e2`: relational operators (`< > <= >=`) bind tighter than
 * equality ones (`== != === !==`) and each level folds left, e.g. `1 == 2 < 3` is
 * `1 == (2 < 3)` and `3 > 2 > 1` is `(3 > 2) > 1`, which is false.
 */
export function compareChain(
  first: unknown,
  operators: readonly CompareOperator[],
  operands: readonly unknown[],
): unknown {
  // Equality level: fold left over groups; each group is a left fold of relational operators.
  let equalityResult: unknown = undefined;
  let pendingEquality: CompareOperator | null = null;
  let group: unknown = first;
  for (let i = 0; i < operators.length; i++) {
    const operator = operators[i]!;
    const operand = operands[i];
    if (isRelational(operator)) {
      group = compareOp(operator, group, operand);
      continue;
    }
    equalityResult =
      pendingEquality === null ? group : compareOp(pendingEquality, equalityResult, group);
    pendingEquality = operator;
    group = operand;
  }
  return pendingEquality === null ? group : compareOp(pendingEquality, equalityResult, group);
}

function isRelational(operator: CompareOperator): boolean {
  return operator === '<' || operator === '>' || operator === '<=' || operator === '>=';
}
