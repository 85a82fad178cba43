import type { BinaryExprIR, UnaryExprIR } from '../../ir/ir.js';
import nunjucksLib from 'nunjucks/src/lib.js';
import { assertNever } from '../../assert-never.js';
import { describeType, describeValue } from './describe-value.js';
import { FUNCTION_TEXT } from './function-text.js';
import { JinjaError } from './jinja-error.js';

/** The binary operators that evaluate both operands (`and`/`or` short-circuit in the caller). */
export type StrictBinaryOperator = Exclude<BinaryExprIR['operator'], 'and' | 'or'>;

// The casts below let TypeScript accept what nunjucks' compiled JavaScript does with any values.
type Loose = number & string;

/**
 * A binary operator applied as nunjucks' compiler emits it: plain JavaScript `+ - * / %`,
 * `a + "" + b` for `~` (so undefined gives "undefined"), `Math.floor(a / b)` for `//`,
 * `Math.pow(a, b)` for `**`, and `runtime.inOperator` for `in`.
 */
export function binaryOp(operator: StrictBinaryOperator, left: unknown, right: unknown): unknown {
  const a = left as Loose;
  const b = right as Loose;
  switch (operator) {
    case '+':
      return asText(a) + asText(b);
    case '~':
      return asText(a) + '' + asText(b);
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '//':
      return Math.floor(a / b);
    case '%':
      return a % b;
    case '**':
      return Math.pow(a, b);
    case 'in':
      return inOperator(left, right);
    case 'not in':
      return !inOperator(left, right);
    default:
      return assertNever(operator);
  }
}

/** A function operand counts as FUNCTION_TEXT, so that `f ~ ""` cannot print its source. */
function asText(value: Loose): Loose {
  return typeof value === 'function' ? (FUNCTION_TEXT as Loose) : value;
}

/** A unary operator as emitted by nunjucks: `-a`, `+a`, `!a`. */
export function unaryOp(operator: UnaryExprIR['operator'], operand: unknown): unknown {
  switch (operator) {
    case '-':
      return -(operand as number);
    case '+':
      return +(operand as number);
    case 'not':
      return !operand;
    default:
      return assertNever(operator);
  }
}

/**
 * `key in container` as nunjucks' `lib.inOperator`: substring or element (`indexOf`, so strict
 * equality) for strings and arrays, `key in object` for plain objects, an error (OT4008) for
 * anything else, including undefined.
 */
export function inOperator(key: unknown, container: unknown): boolean {
  if (nunjucksLib.isArray(container) || nunjucksLib.isString(container)) {
    return (container as string).indexOf(key as string) !== -1;
  }
  if (nunjucksLib.isObject(container)) return (key as string) in container;
  throw new JinjaError('OT4008', { key: describeValue(key), container: describeType(container) });
}
