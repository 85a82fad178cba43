import { assertNever } from '../assert-never.js';
import type { Expr, Stmt } from './ir.js';

/** Callbacks of `forEachNode`. */
export interface IrVisitor {
  stmt?: (stmt: Stmt) => void;
  expr?: (expr: Expr) => void;
}

/** Visits every statement and expression of an IR body in source order (parents first). */
export function forEachNode(body: readonly Stmt[], visitor: IrVisitor): void {
  for (const stmt of body) visitStmt(stmt, visitor);
}

function visitStmt(stmt: Stmt, visitor: IrVisitor): void {
  visitor.stmt?.(stmt);
  const exprs = (list: readonly (Expr | null)[]) => {
    for (const expr of list) if (expr) visitExpr(expr, visitor);
  };
  const body = (list: readonly Stmt[] | null) => {
    if (list) forEachNode(list, visitor);
  };
  switch (stmt.kind) {
    case 'text':
      return;
    case 'output':
      return exprs([stmt.expr]);
    case 'if':
      for (const branch of stmt.branches) {
        exprs([branch.test]);
        body(branch.body);
      }
      return body(stmt.otherwise);
    case 'for':
      exprs([stmt.iterable]);
      body(stmt.body);
      return body(stmt.otherwise);
    case 'set':
      return exprs([stmt.value]);
    case 'capture':
      return body(stmt.body);
    case 'include':
      return exprs([stmt.template]);
    case 'macro':
      exprs(stmt.params.map((param) => param.defaultValue));
      return body(stmt.body);
    case 'callTag':
      exprs(stmt.callerParams.map((param) => param.defaultValue));
      exprs([stmt.call]);
      return body(stmt.body);
    case 'filterBlock':
      exprs([...stmt.args, ...stmt.kwargs.map((kwarg) => kwarg.value)]);
      return body(stmt.body);
    case 'fork':
      if (stmt.mode === 'loop') return visitStmt(stmt.loop, visitor);
      for (const branch of stmt.branches) body(branch.body);
      return;
    case 'role':
      return body(stmt.body);
    case 'callBlock':
      return exprs(stmt.terms);
    default:
      assertNever(stmt);
  }
}

function visitExpr(expr: Expr, visitor: IrVisitor): void {
  visitor.expr?.(expr);
  const children = (list: readonly (Expr | null)[]) => {
    for (const child of list) if (child) visitExpr(child, visitor);
  };
  switch (expr.kind) {
    case 'literal':
    case 'name':
      return;
    case 'list':
      return children(expr.items);
    case 'dict':
      return children(expr.entries.flatMap((entry) => [entry.key, entry.value]));
    case 'member':
      return children([expr.object]);
    case 'index':
      return children([expr.object, expr.index]);
    case 'slice':
      return children([expr.object, expr.start, expr.stop, expr.step]);
    case 'call':
      return children([expr.callee, ...expr.args, ...expr.kwargs.map((kwarg) => kwarg.value)]);
    case 'builtinCall':
    case 'filter':
      return children([
        ...(expr.kind === 'filter' ? [expr.target] : []),
        ...expr.args,
        ...expr.kwargs.map((kwarg) => kwarg.value),
      ]);
    case 'test':
      return children([expr.target, ...expr.args]);
    case 'unary':
      return children([expr.operand]);
    case 'binary':
      return children([expr.left, expr.right]);
    case 'compare':
      return children([expr.first, ...expr.rest.map((part) => part.expr)]);
    case 'conditional':
      return children([expr.test, expr.then, expr.otherwise]);
    default:
      assertNever(expr);
  }
}
