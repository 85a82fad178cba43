import { assertNever } from '../../assert-never.js';
import type { BinaryExprIR, BuiltinCallExprIR, Expr, KeywordArgIR } from '../../ir/ir.js';
import type { Span } from '../../source/span.js';
import type { ExecState, Value } from './exec-state.js';
import { lookupName } from './frame.js';
import { findLexical } from './lexical-scope.js';
import { startBuiltinCall } from './builtin-call.js';
import { whenKnown, whenAllKnown } from './pending.js';
import {
  applyFilter,
  applyTest,
  binaryOp,
  callValue,
  compareChain,
  getIndex,
  getMember,
  isTruthy,
  sliceValue,
  unaryOp,
} from './values.js';
import { withSpan } from './runtime-error.js';
import { invokeMacro, isMacro } from './macro.js';

/**
 * Evaluates an expression. Synchronous while every value it reads is known; where it reads a
 * pending value (a call's result), the result is a Pending and the rest waits for it.
 */
export function evalExpr(expr: Expr, state: ExecState): Value {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'name': {
      const scope = state.lexical ? findLexical(state.lexical, expr.name) : null;
      return scope ? scope.names[expr.name] : lookupName(state.context, state.frame, expr.name);
    }
    case 'list':
      return whenAllKnown(
        expr.items.map((item) => evalExpr(item, state)),
        (items) => items,
      );
    case 'dict': {
      const parts: Value[] = [];
      for (const entry of expr.entries) parts.push(evalExpr(entry.key, state), evalExpr(entry.value, state));
      return whenAllKnown(parts, (values) => {
        const dict: Record<string, unknown> = {};
        for (let i = 0; i < values.length; i += 2) dict[String(values[i])] = values[i + 1];
        return dict;
      });
    }
    case 'member':
      return whenKnown(evalExpr(expr.object, state), (object) =>
        withSpan(expr.span, state, () => getMember(object, expr.property)),
      );
    case 'index':
      return whenAllKnown([evalExpr(expr.object, state), evalExpr(expr.index, state)], ([object, index]) =>
        withSpan(expr.span, state, () => getIndex(object, index)),
      );
    case 'slice':
      return whenAllKnown(
        [
          evalExpr(expr.object, state),
          expr.start ? evalExpr(expr.start, state) : undefined,
          expr.stop ? evalExpr(expr.stop, state) : undefined,
          expr.step ? evalExpr(expr.step, state) : undefined,
        ],
        ([object, start, stop, step]) => sliceValue(object, start, stop, step),
      );
    case 'call':
      return evalCall(expr.callee, expr.args, expr.kwargs, state, expr.span);
    case 'filter':
      return whenAllKnown(
        [evalExpr(expr.target, state), ...evalArgs(expr.args, expr.kwargs, state)],
        (values) => {
          const [target, ...rest] = values;
          const { args, kwargs } = splitArgs(rest, expr.kwargs);
          return withSpan(expr.span, state, () => applyFilter(expr.name, target, args, kwargs));
        },
      );
    case 'test':
      return whenAllKnown([evalExpr(expr.target, state), ...expr.args.map((a) => evalExpr(a, state))], (values) => {
        const [target, ...args] = values;
        const result = withSpan(expr.span, state, () => applyTest(expr.name, target, args));
        return expr.negated ? !result : result;
      });
    case 'unary':
      return whenKnown(evalExpr(expr.operand, state), (operand) =>
        expr.operator === 'not' ? !isTruthy(operand) : unaryOp(expr.operator, operand),
      );
    case 'binary':
      return evalBinary(expr.operator, expr.left, expr.right, state);
    case 'compare':
      // nunjucks emits a chain as JavaScript source (`a == b < c`), so JavaScript's precedence
      // decides how it groups: the shared compareChain mirrors that.
      return whenAllKnown([evalExpr(expr.first, state), ...expr.rest.map((r) => evalExpr(r.expr, state))], (values) => {
        const [first, ...operands] = values;
        return compareChain(first, expr.rest.map((r) => r.operator), operands);
      });
    case 'conditional':
      return whenKnown(evalExpr(expr.test, state), (test) =>
        isTruthy(test) ? evalExpr(expr.then, state) : expr.otherwise ? evalExpr(expr.otherwise, state) : '',
      );
    case 'builtinCall':
      return evalBuiltinCall(expr, state);
    default:
      return assertNever(expr);
  }
}

function evalBinary(
  operator: BinaryExprIR['operator'],
  leftExpr: Expr,
  rightExpr: Expr,
  state: ExecState,
): Value {
  // `and`/`or` short-circuit and return an operand, like the JavaScript nunjucks emits.
  if (operator === 'and') {
    return whenKnown(evalExpr(leftExpr, state), (left) => (isTruthy(left) ? evalExpr(rightExpr, state) : left));
  }
  if (operator === 'or') {
    return whenKnown(evalExpr(leftExpr, state), (left) => (isTruthy(left) ? left : evalExpr(rightExpr, state)));
  }
  return whenAllKnown([evalExpr(leftExpr, state), evalExpr(rightExpr, state)], ([left, right]) =>
    binaryOp(operator, left, right),
  );
}

function evalCall(
  calleeExpr: Expr,
  argExprs: Expr[],
  kwargExprs: KeywordArgIR[],
  state: ExecState,
  span: Span,
): Value {
  // A method call keeps its receiver, as nunjucks' memberLookup binds methods.
  return whenAllKnown([evalExpr(calleeExpr, state), ...evalArgs(argExprs, kwargExprs, state)], (values) => {
    const [callee, ...rest] = values;
    const { args, kwargs } = splitArgs(rest, kwargExprs);
    if (isMacro(callee)) return callee[invokeMacro](args, kwargs, state);
    return withSpan(span, state, () => callValue(callee, args, kwargs, describeCallee(calleeExpr)));
  });
}

function evalBuiltinCall(expr: BuiltinCallExprIR, state: ExecState): Value {
  return whenAllKnown(evalArgs(expr.args, expr.kwargs, state), (values) => {
    const { args, kwargs } = splitArgs(values, expr.kwargs);
    return startBuiltinCall(expr, args, kwargs, state);
  });
}

/** Evaluates positional then keyword argument values, in source order. */
export function evalArgs(args: Expr[], kwargs: KeywordArgIR[], state: ExecState): Value[] {
  const values: Value[] = [];
  for (const arg of args) values.push(evalExpr(arg, state));
  for (const kwarg of kwargs) values.push(evalExpr(kwarg.value, state));
  return values;
}

/** Splits evaluated values back into positional arguments and a keyword record. */
export function splitArgs(values: unknown[], kwargExprs: KeywordArgIR[]): { args: unknown[]; kwargs: Record<string, unknown> | null } {
  const positional = values.length - kwargExprs.length;
  const args = values.slice(0, positional);
  if (kwargExprs.length === 0) return { args, kwargs: null };
  const kwargs: Record<string, unknown> = {};
  for (let i = 0; i < kwargExprs.length; i++) kwargs[kwargExprs[i]!.name] = values[positional + i];
  return { args, kwargs };
}

/** How nunjucks names a callee in "Unable to call `…`" errors. */
function describeCallee(expr: Expr): string {
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
