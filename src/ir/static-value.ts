import type { Expr } from '../syntax/ast.js';

/** What is known before running about an argument's value: its shape, and its value if literal. */
export type StaticValue =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'none' }
  | { kind: 'list'; items: StaticValue[] }
  | { kind: 'dict' }
  | { kind: 'unknown' };

/** The static value of an expression: literals, list and dict literals, and signed numbers. */
export function staticValueOfExpr(expr: Expr): StaticValue {
  switch (expr.type) {
    case 'Literal':
      return staticValueOf(expr.value);
    case 'List':
      return { kind: 'list', items: expr.items.map(staticValueOfExpr) };
    case 'Dict':
      return { kind: 'dict' };
    case 'Unary': {
      const operand = staticValueOfExpr(expr.operand);
      if (operand.kind !== 'number' || expr.operator === 'not') return { kind: 'unknown' };
      return { kind: 'number', value: expr.operator === '-' ? -operand.value : operand.value };
    }
    default:
      // Anything computed is only known at run time.
      return { kind: 'unknown' };
  }
}

/** The static value of a plain JavaScript value (from YAML front matter). */
export function staticValueOf(value: unknown): StaticValue {
  if (value === null) return { kind: 'none' };
  if (typeof value === 'string') return { kind: 'string', value };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (Array.isArray(value)) return { kind: 'list', items: value.map(staticValueOf) };
  if (typeof value === 'object') return { kind: 'dict' };
  return { kind: 'unknown' };
}

/** How a value reads in a message: `"3"`, `0`, `true`, `none`, `a list`, `a dict`. */
export function describeStaticValue(value: StaticValue): string {
  switch (value.kind) {
    case 'string':
      return JSON.stringify(value.value);
    case 'number':
    case 'boolean':
      return String(value.value);
    case 'none':
      return 'none';
    case 'list':
      return 'a list';
    case 'dict':
      return 'a dict';
    case 'unknown':
      return 'a computed value';
  }
}
