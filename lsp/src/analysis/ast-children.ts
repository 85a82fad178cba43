import type { ast } from 'ot-lang';
import { assertNever } from '../assert-never.js';

/** The direct sub-expressions of an expression, in source order. */
export function exprChildren(expr: ast.Expr): ast.Expr[] {
  switch (expr.type) {
    case 'Literal':
    case 'Name':
    case 'Missing':
      return [];
    case 'List':
      return expr.items;
    case 'Dict':
      // A bare-name key (`{a: 1}`) is a string, not a variable: leave it out.
      return expr.entries.flatMap((entry) =>
        entry.key.type === 'Name' ? [entry.value] : [entry.key, entry.value],
      );
    case 'Member':
      return [expr.object];
    case 'Index':
      return [expr.object, expr.index];
    case 'Slice':
      return [expr.object, ...present([expr.start, expr.stop, expr.step])];
    case 'Call':
      return [expr.callee, ...expr.args, ...expr.kwargs.map((kwarg) => kwarg.value)];
    case 'Filter':
      return [expr.target, ...expr.args, ...expr.kwargs.map((kwarg) => kwarg.value)];
    case 'Test':
      return [expr.target, ...expr.args];
    case 'Unary':
      return [expr.operand];
    case 'Binary':
      return [expr.left, expr.right];
    case 'Compare':
      return [expr.first, ...expr.rest.map((part) => part.expr)];
    case 'Conditional':
      return [expr.test, expr.then, ...present([expr.otherwise])];
    default:
      return assertNever(expr);
  }
}

/** A node's own expressions and the bodies nested in it. */
export interface NodeParts {
  exprs: ast.Expr[];
  bodies: ast.Node[][];
}

/** Splits a node into its expressions and bodies. */
export function nodeParts(node: ast.Node): NodeParts {
  switch (node.type) {
    case 'Text':
    case 'Comment':
    case 'Raw':
      return { exprs: [], bodies: [] };
    case 'Output':
      return { exprs: [node.expr], bodies: [] };
    case 'If':
      return {
        exprs: node.branches.map((branch) => branch.test),
        bodies: [...node.branches.map((branch) => branch.body), ...present([node.otherwise])],
      };
    case 'For':
      return { exprs: [node.iterable], bodies: [node.body, ...present([node.otherwise])] };
    case 'Set':
      return { exprs: [node.value], bodies: [] };
    case 'SetBlock':
      return { exprs: [], bodies: [node.body] };
    case 'Include':
      return { exprs: [node.template], bodies: [] };
    case 'Macro':
      return {
        exprs: present(node.params.map((param) => param.defaultValue)),
        bodies: [node.body],
      };
    case 'CallTag':
      return {
        exprs: [node.call, ...present(node.callerParams.map((param) => param.defaultValue))],
        bodies: [node.body],
      };
    case 'FilterBlock':
      return {
        exprs: [...node.args, ...node.kwargs.map((kwarg) => kwarg.value)],
        bodies: [node.body],
      };
    case 'Fork':
    case 'Branch':
    case 'UnsupportedTag':
      return { exprs: [], bodies: [node.body] };
    case 'Role':
      return { exprs: [node.role], bodies: [node.body] };
    case 'CallBlock':
      return { exprs: node.terms, bodies: [] };
    default:
      return assertNever(node);
  }
}

/** Visits every node of a body, depth first in source order. */
export function forEachNode(nodes: readonly ast.Node[], visit: (node: ast.Node) => void): void {
  for (const node of nodes) {
    visit(node);
    for (const body of nodeParts(node).bodies) forEachNode(body, visit);
  }
}

/** Visits every expression under an expression (itself first). */
export function forEachExpr(expr: ast.Expr, visit: (expr: ast.Expr) => void): void {
  visit(expr);
  for (const child of exprChildren(expr)) forEachExpr(child, visit);
}

function present<T>(items: (T | null)[]): T[] {
  return items.filter((item): item is T => item !== null);
}
