import { assertNever } from '../../assert-never.js';
import type {
  BinaryExprIR,
  BuiltinCallExprIR,
  ConditionalExprIR,
  Expr,
  FilterExprIR,
  KeywordArgIR,
  TestExprIR,
  UnaryExprIR,
} from '../../ir/ir.js';
import type { Span } from '../../source/span.js';
import type { ExecState, Value } from './exec-state.js';
import { lookupVariable } from './lookup-variable.js';
import { placeCall, startBuiltinCall } from './builtin-call.js';
import { walkWhenAllKnown, walkWhenKnown } from './walk-later.js';
import { Pending, whenKnown, whenAllKnown } from './pending.js';
import {
  applyFilter,
  applyTest,
  binaryOp,
  callValue,
  compareChain,
  getIndex,
  getMember,
  isTruthy,
  makeDict,
  sliceValue,
  unaryOp,
} from './values.js';
import { locateError, withSpan } from './runtime-error.js';
import { literalSource, stampImage } from '../jinja/template-image.js';
import { invokeMacro, isMacro } from './macro.js';
import { describeCallee } from './describe-callee.js';

/**
 * Evaluates an expression. Synchronous while every value it reads is known; where it reads a
 * pending value (a call's result), the result is a Pending and the rest waits for it.
 */
export function evalExpr(expr: Expr, state: ExecState): Value {
  // Each case takes a synchronous path when its operands are known (no closure, no array),
  // and defers through whenKnown/whenAllKnown only when one is pending: rendering a call-free
  // template never allocates for the schedule.
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'name':
      return variable(expr.name, expr.span, state);
    case 'list': {
      const items = new Array<unknown>(expr.items.length);
      let pending = false;
      for (let i = 0; i < items.length; i++) {
        const item = evalExpr(expr.items[i]!, state);
        if (item instanceof Pending) pending = true;
        items[i] = item;
      }
      return pending ? whenAllKnown(items, (known) => known) : items;
    }
    case 'dict': {
      const parts: Value[] = [];
      for (const entry of expr.entries)
        parts.push(evalExpr(entry.key, state), evalExpr(entry.value, state));
      return whenAllKnown(parts, makeDict);
    }
    case 'member': {
      const object = evalExpr(expr.object, state);
      if (object instanceof Pending)
        return whenKnown(object, (known) => member(expr.property, known, expr.span, state));
      return member(expr.property, object, expr.span, state);
    }
    case 'index': {
      const object = evalExpr(expr.object, state);
      const index = evalExpr(expr.index, state);
      if (object instanceof Pending || index instanceof Pending) {
        return whenAllKnown([object, index], ([o, i]) => indexed(o, i, expr.span, state));
      }
      return indexed(object, index, expr.span, state);
    }
    case 'slice':
      return whenAllKnown(
        [
          evalExpr(expr.object, state),
          expr.start ? evalExpr(expr.start, state) : undefined,
          expr.stop ? evalExpr(expr.stop, state) : undefined,
          expr.step ? evalExpr(expr.step, state) : undefined,
        ],
        ([object, start, stop, step]) =>
          withSpan(expr.span, state, () => sliceValue(object, start, stop, step)),
      );
    case 'call':
      return evalCall(expr.callee, expr.args, expr.kwargs, state, expr.span);
    case 'filter': {
      const target = evalExpr(expr.target, state);
      if (expr.args.length === 0 && expr.kwargs.length === 0) {
        if (target instanceof Pending)
          return whenKnown(target, (known) => filter(expr, known, NO_ARGS, null, state));
        return filter(expr, target, NO_ARGS, null, state);
      }
      const argValues = evalArgs(expr.args, expr.kwargs, state);
      if (!(target instanceof Pending) && !anyPending(argValues)) {
        const { args, kwargs } = splitArgs(argValues, expr.kwargs);
        return filter(expr, target, args, kwargs, state);
      }
      return whenAllKnown([target, ...argValues], (values) => {
        const [known, ...rest] = values;
        const { args, kwargs } = splitArgs(rest, expr.kwargs);
        return filter(expr, known, args, kwargs, state);
      });
    }
    case 'test': {
      const target = evalExpr(expr.target, state);
      if (expr.args.length === 0 && !(target instanceof Pending))
        return test(expr, target, NO_ARGS, state);
      return whenAllKnown([target, ...expr.args.map((a) => evalExpr(a, state))], (values) => {
        const [known, ...args] = values;
        return test(expr, known, args, state);
      });
    }
    case 'unary': {
      const operand = evalExpr(expr.operand, state);
      if (operand instanceof Pending)
        return whenKnown(operand, (known) => unary(expr.operator, known));
      return unary(expr.operator, operand);
    }
    case 'binary':
      return evalBinary(expr.operator, expr.left, expr.right, state);
    case 'compare': {
      // nunjucks emits a chain as JavaScript source (`a == b < c`), so JavaScript's precedence
      // decides how it groups: the shared compareChain mirrors that.
      const first = evalExpr(expr.first, state);
      const operands = expr.rest.map((r) => evalExpr(r.expr, state));
      const operators = expr.rest.map((r) => r.operator);
      if (!(first instanceof Pending) && !operands.some((o) => o instanceof Pending)) {
        return compareChain(first, operators, operands);
      }
      return whenAllKnown([first, ...operands], ([known, ...rest]) =>
        compareChain(known, operators, rest),
      );
    }
    case 'conditional': {
      const testValue = evalExpr(expr.test, state);
      if (testValue instanceof Pending) {
        return walkWhenKnown(state, testValue, (later, known) => chooseBranch(expr, known, later));
      }
      return chooseBranch(expr, testValue, state);
    }
    case 'builtinCall':
      return evalBuiltinCall(expr, state);
    default:
      return assertNever(expr);
  }
}

const NO_ARGS: readonly unknown[] = Object.freeze([]);

function chooseBranch(expr: ConditionalExprIR, test: unknown, state: ExecState): Value {
  if (isTruthy(test)) return evalExpr(expr.then, state);
  return expr.otherwise ? evalExpr(expr.otherwise, state) : '';
}

function anyPending(values: readonly unknown[]): boolean {
  for (const value of values) if (value instanceof Pending) return true;
  return false;
}

function variable(name: string, span: Span, state: ExecState): Value {
  try {
    return lookupVariable(state, name);
  } catch (error) {
    throw locateError(error, span, state.template.path);
  }
}

function member(property: string, object: unknown, span: Span, state: ExecState): unknown {
  try {
    return getMember(object, property);
  } catch (error) {
    throw locateError(error, span, state.template.path);
  }
}

function indexed(object: unknown, index: unknown, span: Span, state: ExecState): unknown {
  try {
    return getIndex(object, index);
  } catch (error) {
    throw locateError(error, span, state.template.path);
  }
}

function filter(
  expr: FilterExprIR,
  target: unknown,
  args: readonly unknown[],
  kwargs: Record<string, unknown> | null,
  state: ExecState,
): unknown {
  try {
    return applyFilter(expr.name, target, args, kwargs);
  } catch (error) {
    throw locateError(error, expr.span, state.template.path);
  }
}

function test(
  expr: TestExprIR,
  target: unknown,
  args: readonly unknown[],
  state: ExecState,
): boolean {
  let result: boolean;
  try {
    result = applyTest(expr.name, target, args);
  } catch (error) {
    throw locateError(error, expr.span, state.template.path);
  }
  return expr.negated ? !result : result;
}

function unary(operator: UnaryExprIR['operator'], operand: unknown): unknown {
  return operator === 'not' ? !isTruthy(operand) : unaryOp(operator, operand);
}

function evalBinary(
  operator: BinaryExprIR['operator'],
  leftExpr: Expr,
  rightExpr: Expr,
  state: ExecState,
): Value {
  // `and`/`or` short-circuit and return an operand, like the JavaScript nunjucks emits.
  if (operator === 'and') {
    return walkWhenKnown(state, evalExpr(leftExpr, state), (later, left) =>
      isTruthy(left) ? evalExpr(rightExpr, later) : left,
    );
  }
  if (operator === 'or') {
    return walkWhenKnown(state, evalExpr(leftExpr, state), (later, left) =>
      isTruthy(left) ? left : evalExpr(rightExpr, later),
    );
  }
  const left = evalExpr(leftExpr, state);
  const right = evalExpr(rightExpr, state);
  if (!(left instanceof Pending) && !(right instanceof Pending))
    return binaryOp(operator, left, right);
  return whenAllKnown([left, right], ([l, r]) => binaryOp(operator, l, r));
}

function evalCall(
  calleeExpr: Expr,
  argExprs: Expr[],
  kwargExprs: KeywordArgIR[],
  state: ExecState,
  span: Span,
): Value {
  // A method call keeps its receiver, as nunjucks' memberLookup binds methods.
  const callee = evalExpr(calleeExpr, state);
  const argValues = evalArgs(argExprs, kwargExprs, state);
  const literal = literalSource(calleeExpr, argExprs, kwargExprs);
  if (!(callee instanceof Pending) && !anyPending(argValues)) {
    return invoke(callee, argValues, calleeExpr, kwargExprs, state, span, literal);
  }
  return walkWhenAllKnown(state, [callee, ...argValues], (later, [known, ...rest]) =>
    invoke(known, rest, calleeExpr, kwargExprs, later, span, literal),
  );
}

function invoke(
  callee: unknown,
  argValues: unknown[],
  calleeExpr: Expr,
  kwargExprs: KeywordArgIR[],
  state: ExecState,
  span: Span,
  literal: boolean,
): Value {
  const { args, kwargs } = splitArgs(argValues, kwargExprs);
  if (isMacro(callee)) return callee[invokeMacro](args, kwargs, state);
  try {
    const result = callValue(callee, args, kwargs, describeCallee(calleeExpr));
    return stampImage(result, { file: state.template.path, span, literal });
  } catch (error) {
    throw locateError(error, span, state.template.path);
  }
}

function evalBuiltinCall(expr: BuiltinCallExprIR, state: ExecState): Value {
  // The call's place in the text, before anything it waits for can move the output on; its
  // place in source order after the calls in its arguments (a sequential run makes them first).
  const here = state.out.here();
  const values = evalArgs(expr.args, expr.kwargs, state);
  return placeCall(state, (order) =>
    whenAllKnown(values, (known) => {
      const { args, kwargs } = splitArgs(known, expr.kwargs);
      return startBuiltinCall(expr, args, kwargs, state, here, order);
    }),
  );
}

/** Evaluates positional then keyword argument values, in source order. */
export function evalArgs(args: Expr[], kwargs: KeywordArgIR[], state: ExecState): Value[] {
  const values: Value[] = [];
  for (const arg of args) values.push(evalExpr(arg, state));
  for (const kwarg of kwargs) values.push(evalExpr(kwarg.value, state));
  return values;
}

/** Splits evaluated values back into positional arguments and a keyword record. */
export function splitArgs(
  values: unknown[],
  kwargExprs: KeywordArgIR[],
): { args: unknown[]; kwargs: Record<string, unknown> | null } {
  const positional = values.length - kwargExprs.length;
  const args = values.slice(0, positional);
  if (kwargExprs.length === 0) return { args, kwargs: null };
  const kwargs: Record<string, unknown> = {};
  for (let i = 0; i < kwargExprs.length; i++) kwargs[kwargExprs[i]!.name] = values[positional + i];
  return { args, kwargs };
}
