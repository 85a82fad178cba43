import { assertNever } from '../assert-never.js';
import type { Expr } from './ast.js';

/** The direct sub-expressions of an expression. */
function children(expr: Expr): (Expr | null)[] {
  switch (expr.type) {
    case 'Literal':
    case 'Name':
    case 'Missing':
      return [];
    case 'List':
      return expr.items;
    case 'Dict':
      return expr.entries.flatMap((entry) => [entry.key, entry.value]);
    case 'Member':
      return [expr.object];
    case 'Index':
      return [expr.object, expr.index];
    case 'Slice':
      return [expr.object, expr.start, expr.stop, expr.step];
    case 'Call':
    case 'Filter':
      return [
        expr.type === 'Call' ? expr.callee : expr.target,
        ...expr.args,
        ...expr.kwargs.map((kwarg) => kwarg.value),
      ];
    case 'Test':
      return [expr.target, ...expr.args];
    case 'Unary':
      return [expr.operand];
    case 'Binary':
      return [expr.left, expr.right];
    case 'Compare':
      return [expr.first, ...expr.rest.map((part) => part.expr)];
    case 'Conditional':
      return [expr.test, expr.then, expr.otherwise];
    default:
      return assertNever(expr);
  }
}

/**
 * True when the expression tree is deeper than `limit`. Iterative, so it is safe on the very
 * trees it is meant to catch (`a ~ a ~ a …` ten thousand times nests ten thousand levels).
 */
export function isDeeperThan(root: Expr, limit: number): boolean {
  // Every level of the tree holds at least one token, so a short expression is shallow.
  if (root.span.end - root.span.start <= limit) return false;
  const stack: [Expr, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [expr, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (const child of children(expr)) if (child !== null) stack.push([child, depth + 1]);
  }
  return false;
}
