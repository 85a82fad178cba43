import { assertNever } from '../../assert-never.js';
import type { BuiltinCallExprIR, Expr, KeywordArgIR } from '../../ir/ir.js';
import { countOf, countSymbol, type Count } from '../count.js';
import type { ModelBuiltin } from '../plan-types.js';
import { printExpr } from '../print-expr.js';
import { analyzeFlowCall } from './flow-call.js';
import { guardOf, underGuard } from './guards.js';
import { invokeMacro } from './invoke-macro.js';
import { addReads, namesOf, noReads, readsOf, unionReads, type Reads } from './origins.js';
import { registerCall, samplesOf } from './register-call.js';
import { lookupAbstract, type AbstractValue, type MacroRef } from './scope.js';
import { withAmbient, type AnalysisState } from './state.js';

/** What the analysis knows of an expression's value. */
export interface Evaluation {
  /** The calls it waits for, and through which names. */
  reads: Reads;
  /** Set when the value is a macro. */
  macro?: MacroRef;
  /** Set when the value is known statically. */
  constant?: { value: unknown };
}

/**
 * Evaluates an expression abstractly, in the interpreter's order (src/runtime/interpreter/
 * eval-expr.ts): the calls it reads, the builtin calls it starts (registered as call sites),
 * and the macros it runs (inlined).
 */
export function analyzeExpr(expr: Expr, state: AnalysisState): Evaluation {
  switch (expr.kind) {
    case 'literal':
      return { reads: noReads(), constant: { value: expr.value } };
    case 'name':
      return fromValue(lookupAbstract(state.frame, state.context, expr.name), expr.name);
    case 'list': {
      const items = expr.items.map((item) => analyzeExpr(item, state));
      const result: Evaluation = { reads: unionReads(...items.map((item) => item.reads)) };
      if (items.every((item) => item.constant))
        result.constant = { value: items.map((item) => item.constant!.value) };
      return result;
    }
    case 'dict':
      return merged(
        expr.entries.flatMap((entry) => [entry.key, entry.value]),
        state,
      );
    case 'member':
      return merged([expr.object], state);
    case 'index':
      return merged([expr.object, expr.index], state);
    case 'slice':
      return merged([expr.object, expr.start, expr.stop, expr.step], state);
    case 'filter':
      return merged([expr.target, ...expr.args, ...expr.kwargs.map((k) => k.value)], state);
    case 'test':
      return merged([expr.target, ...expr.args], state);
    case 'unary':
      return merged([expr.operand], state);
    case 'compare':
      return merged([expr.first, ...expr.rest.map((part) => part.expr)], state);
    case 'binary':
      if (expr.operator === 'and' || expr.operator === 'or')
        return shortCircuit(expr.left, expr.right, expr, state);
      return merged([expr.left, expr.right], state);
    case 'conditional':
      return conditional(expr.test, expr.then, expr.otherwise, expr, state);
    case 'call':
      return analyzeCall(expr.callee, expr.args, expr.kwargs, expr, state);
    case 'builtinCall':
      return analyzeBuiltinCall(expr, state);
    default:
      return assertNever(expr);
  }
}

/** Evaluates positional then keyword arguments, in source order. */
export function analyzeArgs(
  args: readonly Expr[],
  kwargs: readonly KeywordArgIR[],
  state: AnalysisState,
): Evaluation[] {
  return [
    ...args.map((arg) => analyzeExpr(arg, state)),
    ...kwargs.map((kwarg) => analyzeExpr(kwarg.value, state)),
  ];
}

/** The abstract value an evaluation stands for (what `set` stores). */
export function valueOf(evaluation: Evaluation): AbstractValue {
  const value: AbstractValue = { origins: new Set(evaluation.reads.keys()) };
  if (evaluation.macro) value.macro = evaluation.macro;
  if (evaluation.constant) value.constant = evaluation.constant;
  return value;
}

function fromValue(value: AbstractValue | undefined, name: string): Evaluation {
  if (!value) return { reads: noReads() };
  const result: Evaluation = { reads: readsOf(value.origins, name) };
  if (value.macro) result.macro = value.macro;
  if (value.constant) result.constant = value.constant;
  return result;
}

function merged(exprs: readonly (Expr | null)[], state: AnalysisState): Evaluation {
  const reads = noReads();
  for (const expr of exprs) if (expr) addReads(reads, analyzeExpr(expr, state).reads);
  return { reads };
}

/** `a and b`, `a or b`: the right operand runs only as the left decides (once it is known). */
function shortCircuit(left: Expr, right: Expr, node: object, state: AnalysisState): Evaluation {
  const first = analyzeExpr(left, state);
  const guard = guardOf(state, node, guardDescriptor(state, node, 1, false));
  const inner = conditionState(underGuard(state, guard, 0), first.reads);
  return { reads: unionReads(first.reads, analyzeExpr(right, inner).reads) };
}

function conditional(
  test: Expr,
  then: Expr,
  otherwise: Expr | null,
  node: object,
  state: AnalysisState,
): Evaluation {
  const tested = analyzeExpr(test, state);
  const guard = guardOf(state, node, guardDescriptor(state, node, 2, true));
  const thenValue = analyzeExpr(then, conditionState(underGuard(state, guard, 0), tested.reads));
  const otherwiseValue = otherwise
    ? analyzeExpr(otherwise, conditionState(underGuard(state, guard, 1), tested.reads))
    : { reads: noReads() };
  return { reads: unionReads(tested.reads, thenValue.reads, otherwiseValue.reads) };
}

/** The state inside something decided by a value: its calls wait for what the value reads. */
export function conditionState(state: AnalysisState, reads: Reads): AnalysisState {
  if (reads.size === 0) return state;
  const names = namesOf(reads);
  return withAmbient(
    state,
    [...reads.keys()].map((origin) => [origin, { kind: 'condition', names }]),
  );
}

function guardDescriptor(
  state: AnalysisState,
  node: object,
  branches: number,
  exhaustive: boolean,
) {
  const span = (node as { span: { start: number; end: number } }).span;
  return { kind: 'conditional' as const, file: state.template.path, span, branches, exhaustive };
}

function analyzeCall(
  calleeExpr: Expr,
  argExprs: readonly Expr[],
  kwargExprs: readonly KeywordArgIR[],
  node: Expr,
  state: AnalysisState,
): Evaluation {
  const callee = analyzeExpr(calleeExpr, state);
  const args = argExprs.map((arg) => analyzeExpr(arg, state));
  const kwargs = kwargExprs.map((kwarg) => ({
    name: kwarg.name,
    value: analyzeExpr(kwarg.value, state),
  }));
  const reads = unionReads(
    callee.reads,
    ...args.map((a) => a.reads),
    ...kwargs.map((k) => k.value.reads),
  );
  if (callee.macro) {
    const text = invokeMacro(state, callee.macro, args, kwargs, node, reads);
    return { reads: addReads(reads, text) };
  }
  const result: Evaluation = { reads };
  const range = rangeConstant(calleeExpr, callee, args, state);
  if (range) result.constant = { value: range };
  return result;
}

/** `range(…)` over literal numbers, so a loop over it has a known count. */
function rangeConstant(
  calleeExpr: Expr,
  callee: Evaluation,
  args: readonly Evaluation[],
  state: AnalysisState,
): number[] | null {
  if (calleeExpr.kind !== 'name' || calleeExpr.name !== 'range' || callee.reads.size > 0)
    return null;
  if (lookupAbstract(state.frame, state.context, 'range')) return null;
  const numbers = args.map((arg) => arg.constant?.value);
  if (numbers.length === 0 || numbers.length > 3 || !numbers.every((n) => typeof n === 'number'))
    return null;
  const [start, stop, step] =
    numbers.length === 1
      ? [0, numbers[0] as number, 1]
      : [numbers[0] as number, numbers[1] as number, (numbers[2] as number | undefined) ?? 1];
  if (step === 0) return null;
  const values: number[] = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) {
    values.push(i);
    if (values.length > 10_000) return null;
  }
  return values;
}

function analyzeBuiltinCall(expr: BuiltinCallExprIR, state: AnalysisState): Evaluation {
  const args = expr.args.map((arg) => analyzeExpr(arg, state));
  const kwargs = expr.kwargs.map((kwarg) => ({
    name: kwarg.name,
    value: analyzeExpr(kwarg.value, state),
  }));
  if (expr.name === 'flow') return { reads: analyzeFlowCall(expr, args, kwargs, state) };
  const reads = unionReads(...args.map((a) => a.reads), ...kwargs.map((k) => k.value.reads));
  const samples = kwargs.find((k) => k.name === 'samples');
  const samplesCount = samples
    ? countFromValue(samples.value, expr.kwargs.find((k) => k.name === 'samples')!.value)
    : defaultSamples(expr, state);
  const id = registerCall(
    state,
    expr as BuiltinCallExprIR & { name: ModelBuiltin },
    reads,
    samplesOf(expr, samplesCount),
  );
  return { reads: readsOf([id], '') };
}

function defaultSamples(expr: BuiltinCallExprIR, state: AnalysisState): Count | null {
  const value = state.template.meta.defaults[expr.name]?.['samples'];
  return typeof value === 'number' ? countOf(value) : null;
}

/** A number when the value is known statically, else a symbol naming the expression. */
export function countFromValue(evaluation: Evaluation, expr: Expr): Count {
  const value = evaluation.constant?.value;
  return typeof value === 'number' && Number.isFinite(value)
    ? countOf(value)
    : countSymbol(printExpr(expr));
}
