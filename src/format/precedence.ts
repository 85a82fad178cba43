import type { BinaryOperator, Expr } from '../syntax/ast.js';
import { assertNever } from '../assert-never.js';

/**
 * Binding strength of expressions as the parser groups them. The AST keeps no parentheses, so
 * the printer adds them exactly where a child binds more loosely than its place in the parent
 * requires. The levels follow the parser (src/syntax/chain.ts and arithmetic.ts), which groups
 * arithmetic the way nunjucks *evaluates* it: `**` tightest; `//` around `%` chains; `* / %`;
 * then `+ - ~`, each level left to right.
 */
export const Precedence = {
  conditional: 0,
  or: 1,
  and: 2,
  not: 3,
  in: 4,
  test: 5,
  compare: 6,
  /** `~ + -` */
  additive: 7,
  /** `* / %` */
  multiplicative: 8,
  /** `//`: tighter than `* / %`, but `%` next to it regroups, so the two never mix unparenthesised. */
  floorDivide: 9,
  power: 10,
  /** `x | f`: its target may be a sign or another filter. */
  filter: 11,
  /** `-x`: its operand may be another sign or a postfix expression, not a filter. */
  sign: 12,
  postfix: 13,
  primary: 14,
} as const;

/** The level of a binary operator. */
export function binaryPrecedence(operator: BinaryOperator): number {
  switch (operator) {
    case 'or':
      return Precedence.or;
    case 'and':
      return Precedence.and;
    case 'in':
    case 'not in':
      return Precedence.in;
    case '~':
    case '+':
    case '-':
      return Precedence.additive;
    case '*':
    case '/':
    case '%':
      return Precedence.multiplicative;
    case '//':
      return Precedence.floorDivide;
    case '**':
      return Precedence.power;
    default:
      return assertNever(operator);
  }
}

/** The level of an expression as printed (before any parentheses are added around it). */
export function exprPrecedence(expr: Expr): number {
  switch (expr.type) {
    case 'Conditional':
      return Precedence.conditional;
    case 'Binary':
      return binaryPrecedence(expr.operator);
    case 'Unary':
      return expr.operator === 'not' ? Precedence.not : Precedence.sign;
    case 'Test':
      return Precedence.test;
    case 'Compare':
      return Precedence.compare;
    case 'Filter':
      return Precedence.filter;
    case 'Member':
    case 'Index':
    case 'Slice':
    case 'Call':
      return Precedence.postfix;
    case 'Literal':
    case 'Name':
    case 'List':
    case 'Dict':
    case 'Missing':
      return Precedence.primary;
    default:
      return assertNever(expr);
  }
}

/** The least level an operand of `operator` may have to be printed without parentheses. */
export function operandPrecedence(operator: BinaryOperator, side: 'left' | 'right'): number {
  const level = binaryPrecedence(operator);
  if (side === 'left') return level;
  switch (level) {
    // `a * b ** c`, `a // b ** c`: a right operand of `* / % //` is a power or tighter.
    case Precedence.multiplicative:
    case Precedence.floorDivide:
      return Precedence.power;
    default:
      return level + 1;
  }
}

/**
 * Whether `child` needs parentheses as the left operand of `operator` although its level is
 * high enough: `//` and `* / %` never share a chain (`a // b % c` regroups as `a // (b % c)`).
 */
export function mixesFloorDivision(operator: BinaryOperator, child: Expr): boolean {
  if (child.type !== 'Binary') return false;
  const parentIsFloor = operator === '//';
  const childLevel = binaryPrecedence(child.operator);
  if (parentIsFloor) return childLevel === Precedence.multiplicative;
  return binaryPrecedence(operator) === Precedence.multiplicative && child.operator === '//';
}

/**
 * Operators the parser folds `not` into: `not a == b` negates `a` only (nunjucks compiles `not`
 * to a bare `!`), so `not` over such a chain must keep its parentheses.
 */
export function isInfixChain(expr: Expr): boolean {
  return (
    expr.type === 'Compare' ||
    (expr.type === 'Binary' && ['~', '+', '-', '*', '/', '%'].includes(expr.operator))
  );
}
