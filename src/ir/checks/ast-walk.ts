import type { Expr, Node } from '../../syntax/ast.js';
import { exprChildren, nodeParts } from '../../syntax/ast-children.js';

/** Where a visited node or expression sits. */
export interface WalkInfo {
  /** True inside the terms of a `<< … >>` call block. */
  inCallBlock: boolean;
}

/** Callbacks of `walkAst`; each is called before the children are visited. */
export interface AstVisitor {
  node?: (node: Node, info: WalkInfo) => void;
  expr?: (expr: Expr, info: WalkInfo) => void;
}

/** Visits every node and expression of a body in source order. */
export function walkAst(nodes: readonly Node[], visitor: AstVisitor): void {
  for (const node of nodes) walkNode(node, visitor);
}

function walkNode(node: Node, visitor: AstVisitor): void {
  const info: WalkInfo = { inCallBlock: node.type === 'CallBlock' };
  visitor.node?.(node, { inCallBlock: false });
  const parts = nodeParts(node);
  for (const expr of parts.exprs) walkExpr(expr, visitor, info);
  for (const body of parts.bodies) walkAst(body, visitor);
}

function walkExpr(expr: Expr, visitor: AstVisitor, info: WalkInfo): void {
  visitor.expr?.(expr, info);
  for (const child of exprChildren(expr)) walkExpr(child, visitor, info);
}
