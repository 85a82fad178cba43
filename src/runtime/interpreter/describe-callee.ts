import type { Expr } from '../../ir/ir.js';

/**
 * How nunjucks names a callee in "cannot call" errors (`foo`, `user["greet"]`); the
 * interpreter computes it when a call fails, the code generator when it compiles.
 */
export function describeCallee(expr: Expr): string {
  switch (expr.kind) {
    case 'name':
      return expr.name;
    case 'member':
      return `${describeCallee(expr.object)}["${expr.property}"]`;
    case 'call':
      return `the return value of (${describeCallee(expr.callee)})`;
    case 'literal':
      return String(expr.value);
    default:
      return '--expression--';
  }
}
