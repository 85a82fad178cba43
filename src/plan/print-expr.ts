import { assertNever } from '../assert-never.js';
import type { Expr, KeywordArgIR } from '../ir/ir.js';

/**
 * An expression as Jinja text, for the plan's symbols (`len(person.items)`) and labels. Operands
 * that are themselves operations are parenthesised, so the text reads unambiguously even where
 * the source had no parentheses.
 */
export function printExpr(expr: Expr): string {
  switch (expr.kind) {
    case 'literal':
      if (expr.value === null) return 'none';
      return typeof expr.value === 'string' ? JSON.stringify(expr.value) : String(expr.value);
    case 'name':
      return expr.name;
    case 'list':
      return `[${expr.items.map(printExpr).join(', ')}]`;
    case 'dict':
      return `{${expr.entries.map((entry) => `${printExpr(entry.key)}: ${printExpr(entry.value)}`).join(', ')}}`;
    case 'member':
      return `${operand(expr.object)}.${expr.property}`;
    case 'index':
      return `${operand(expr.object)}[${printExpr(expr.index)}]`;
    case 'slice': {
      const part = (e: Expr | null) => (e ? printExpr(e) : '');
      const step = expr.step ? `:${printExpr(expr.step)}` : '';
      return `${operand(expr.object)}[${part(expr.start)}:${part(expr.stop)}${step}]`;
    }
    case 'call':
      return `${operand(expr.callee)}(${printArgs(expr.args, expr.kwargs)})`;
    case 'builtinCall':
      return `${expr.name}(${printArgs(expr.args, expr.kwargs)})`;
    case 'filter': {
      const args =
        expr.args.length + expr.kwargs.length > 0 ? `(${printArgs(expr.args, expr.kwargs)})` : '';
      return `${operand(expr.target)} | ${expr.name}${args}`;
    }
    case 'test': {
      const args = expr.args.length > 0 ? `(${expr.args.map(printExpr).join(', ')})` : '';
      return `${operand(expr.target)} is ${expr.negated ? 'not ' : ''}${expr.name}${args}`;
    }
    case 'unary':
      return expr.operator === 'not'
        ? `not ${operand(expr.operand)}`
        : `${expr.operator}${operand(expr.operand)}`;
    case 'binary':
      return `${operand(expr.left)} ${expr.operator} ${operand(expr.right)}`;
    case 'compare':
      return [
        operand(expr.first),
        ...expr.rest.map((part) => `${part.operator} ${operand(part.expr)}`),
      ].join(' ');
    case 'conditional': {
      const otherwise = expr.otherwise ? ` else ${operand(expr.otherwise)}` : '';
      return `${operand(expr.then)} if ${operand(expr.test)}${otherwise}`;
    }
    default:
      return assertNever(expr);
  }
}

function printArgs(args: readonly Expr[], kwargs: readonly KeywordArgIR[]): string {
  return [
    ...args.map(printExpr),
    ...kwargs.map((kwarg) => `${kwarg.name}=${printExpr(kwarg.value)}`),
  ].join(', ');
}

/** Parenthesises operations used as operands. */
function operand(expr: Expr): string {
  switch (expr.kind) {
    case 'binary':
    case 'compare':
    case 'conditional':
    case 'unary':
    case 'filter':
    case 'test':
      return `(${printExpr(expr)})`;
    default:
      return printExpr(expr);
  }
}
