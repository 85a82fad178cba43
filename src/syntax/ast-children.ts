import type { Expr, Node } from './ast.js';
import { assertNever } from '../assert-never.js';

/** The direct sub-expressions of an expression; a dict's bare-name keys are strings, not names. */
export function exprChildren(expr: Expr): Expr[] {
  switch (expr.type) {
    case 'Literal':
    case 'Name':
    case 'Missing':
      return [];
    case 'List':
      return expr.items;
    case 'Dict':
      return expr.entries.flatMap((entry) =>
        entry.key.type === 'Name' ? [entry.value] : [entry.key, entry.value],
      );
    case 'Member':
      return [expr.object];
    case 'Index':
      return [expr.object, expr.index];
    case 'Slice':
      return [expr.object, ...nonNull([expr.start, expr.stop, expr.step])];
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
      return [expr.test, expr.then, ...nonNull([expr.otherwise])];
    default:
      return assertNever(expr);
  }
}

/** A node's own expressions and its nested bodies, in source order within each. */
export interface NodeParts {
  exprs: Expr[];
  bodies: Node[][];
}

/** Splits a node into its expressions and bodies. */
export function nodeParts(node: Node): NodeParts {
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
        bodies: [...node.branches.map((branch) => branch.body), ...nonNull([node.otherwise])],
      };
    case 'For':
      return { exprs: [node.iterable], bodies: [node.body, ...nonNull([node.otherwise])] };
    case 'Set':
      return { exprs: [node.value], bodies: [] };
    case 'SetBlock':
      return { exprs: [], bodies: [node.body] };
    case 'Include':
      return { exprs: [node.template], bodies: [] };
    case 'Macro':
      return {
        exprs: nonNull(node.params.map((param) => param.defaultValue)),
        bodies: [node.body],
      };
    case 'CallTag':
      return {
        exprs: [node.call, ...nonNull(node.callerParams.map((param) => param.defaultValue))],
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
export function forEachNode(nodes: readonly Node[], visit: (node: Node) => void): void {
  for (const node of nodes) {
    visit(node);
    for (const body of nodeParts(node).bodies) forEachNode(body, visit);
  }
}

/** Visits every expression under an expression (itself first). */
export function forEachExpr(expr: Expr, visit: (expr: Expr) => void): void {
  visit(expr);
  for (const child of exprChildren(expr)) forEachExpr(child, visit);
}

function nonNull<T>(items: (T | null)[]): T[] {
  return items.filter((item): item is T => item !== null);
}
