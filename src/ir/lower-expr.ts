import type { CallExpr, Expr, KeywordArg } from '../syntax/ast.js';
import { assertNever } from '../assert-never.js';
import type { CallExprIR, Expr as ExprIR, KeywordArgIR } from './ir.js';
import type { LowerContext } from './lower-context.js';
import { builtinCallee } from './builtin-callee.js';
import { resolveTemplatePath } from './resolve-path.js';
import {
  createBinary,
  createBuiltinCall,
  createCall,
  createCompare,
  createConditional,
  createDict,
  createFilter,
  createIndex,
  createKeywordArg,
  createList,
  createLiteral,
  createMember,
  createName,
  createSlice,
  createTest,
  createUnary,
} from './create-expr.js';

/** Lowers one expression; calls of builtin names become `builtinCall` nodes. */
export function lowerExpr(expr: Expr, ctx: LowerContext): ExprIR {
  switch (expr.type) {
    case 'Literal':
      return createLiteral(expr.value, expr.span);
    case 'Name':
      return createName(expr.name, expr.span);
    case 'List':
      return createList(lowerExprs(expr.items, ctx), expr.span);
    case 'Dict':
      return createDict(
        expr.entries.map((entry) => ({
          // `{a: 1}` means the string key "a", as in nunjucks.
          key:
            entry.key.type === 'Name'
              ? createLiteral(entry.key.name, entry.key.span)
              : lowerExpr(entry.key, ctx),
          value: lowerExpr(entry.value, ctx),
        })),
        expr.span,
      );
    case 'Member':
      return createMember(lowerExpr(expr.object, ctx), expr.property.name, expr.span);
    case 'Index':
      return createIndex(lowerExpr(expr.object, ctx), lowerExpr(expr.index, ctx), expr.span);
    case 'Slice':
      return createSlice(
        lowerExpr(expr.object, ctx),
        lowerOptional(expr.start, ctx),
        lowerOptional(expr.stop, ctx),
        lowerOptional(expr.step, ctx),
        expr.span,
      );
    case 'Call':
      return lowerCallExpr(expr, ctx);
    case 'Filter':
      return createFilter(
        expr.name.name,
        lowerExpr(expr.target, ctx),
        lowerExprs(expr.args, ctx),
        lowerKeywordArgs(expr.kwargs, ctx),
        expr.span,
      );
    case 'Test':
      return createTest(
        expr.name.name,
        lowerExpr(expr.target, ctx),
        lowerExprs(expr.args, ctx),
        expr.negated,
        expr.span,
      );
    case 'Unary':
      return createUnary(expr.operator, lowerExpr(expr.operand, ctx), expr.span);
    case 'Binary':
      return createBinary(
        expr.operator,
        lowerExpr(expr.left, ctx),
        lowerExpr(expr.right, ctx),
        expr.span,
      );
    case 'Compare':
      return createCompare(
        lowerExpr(expr.first, ctx),
        expr.rest.map((part) => ({ operator: part.operator, expr: lowerExpr(part.expr, ctx) })),
        expr.span,
      );
    case 'Conditional':
      return createConditional(
        lowerExpr(expr.test, ctx),
        lowerExpr(expr.then, ctx),
        lowerOptional(expr.otherwise, ctx),
        expr.span,
      );
    case 'Missing':
      // The parser has already reported the hole; `none` keeps the IR total so later checks
      // can still run over the rest of the file.
      return createLiteral(null, expr.span);
    default:
      return assertNever(expr);
  }
}

/** Lowers a call that must stay an ordinary call (the call of a `{% call %}` tag). */
export function lowerPlainCall(call: CallExpr, ctx: LowerContext): CallExprIR {
  return createCall(
    lowerExpr(call.callee, ctx),
    lowerExprs(call.args, ctx),
    lowerKeywordArgs(call.kwargs, ctx),
    call.span,
  );
}

/** Lowers keyword arguments, keeping their order. */
export function lowerKeywordArgs(kwargs: KeywordArg[], ctx: LowerContext): KeywordArgIR[] {
  return kwargs.map((kwarg) => createKeywordArg(kwarg.name.name, lowerExpr(kwarg.value, ctx)));
}

/** Lowers a list of expressions. */
export function lowerExprs(exprs: Expr[], ctx: LowerContext): ExprIR[] {
  return exprs.map((expr) => lowerExpr(expr, ctx));
}

function lowerOptional(expr: Expr | null, ctx: LowerContext): ExprIR | null {
  return expr === null ? null : lowerExpr(expr, ctx);
}

function lowerCallExpr(call: CallExpr, ctx: LowerContext): ExprIR {
  const builtin = builtinCallee(call, ctx.shadowedBuiltins);
  if (builtin === null) return lowerPlainCall(call, ctx);
  // Only a literal path can be loaded ahead of time; a computed one resolves at run time.
  const target = builtin === 'flow' ? flowPathExpr(call) : undefined;
  const resolved =
    target?.type === 'Literal' && typeof target.value === 'string'
      ? resolveTemplatePath(ctx.path, target.value)
      : null;
  return createBuiltinCall(
    builtin,
    lowerExprs(call.args, ctx),
    lowerKeywordArgs(call.kwargs, ctx),
    resolved,
    call.span,
  );
}

/** The path argument of a `flow()` call: the first positional argument or `path=`. */
export function flowPathExpr(call: CallExpr): Expr | undefined {
  return call.args[0] ?? call.kwargs.find((kwarg) => kwarg.name.name === 'path')?.value;
}
