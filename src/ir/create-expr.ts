import type { Span } from '../source/span.js';
import type {
  BinaryExprIR,
  BuiltinCallExprIR,
  BuiltinName,
  CallExprIR,
  CompareExprIR,
  ConditionalExprIR,
  DictExprIR,
  Expr,
  FilterExprIR,
  IndexExprIR,
  KeywordArgIR,
  ListExprIR,
  LiteralExprIR,
  MemberExprIR,
  NameExprIR,
  SliceExprIR,
  TestExprIR,
  UnaryExprIR,
} from './ir.js';

/** A literal string, number, boolean or `none`. */
export function createLiteral(value: LiteralExprIR['value'], span: Span): LiteralExprIR {
  return { kind: 'literal', value, span };
}

/** A variable reference. */
export function createName(name: string, span: Span): NameExprIR {
  return { kind: 'name', name, span };
}

/** A list (or tuple) literal. */
export function createList(items: Expr[], span: Span): ListExprIR {
  return { kind: 'list', items, span };
}

/** A dict literal; bare-name keys are already string literals. */
export function createDict(entries: DictExprIR['entries'], span: Span): DictExprIR {
  return { kind: 'dict', entries, span };
}

/** `object.property` */
export function createMember(object: Expr, property: string, span: Span): MemberExprIR {
  return { kind: 'member', object, property, span };
}

/** `object[index]` */
export function createIndex(object: Expr, index: Expr, span: Span): IndexExprIR {
  return { kind: 'index', object, index, span };
}

/** `object[start:stop:step]` */
export function createSlice(
  object: Expr,
  start: Expr | null,
  stop: Expr | null,
  step: Expr | null,
  span: Span,
): SliceExprIR {
  return { kind: 'slice', object, start, stop, step, span };
}

/** `name=value` inside a call, filter or builtin call. */
export function createKeywordArg(name: string, value: Expr): KeywordArgIR {
  return { name, value };
}

/** A call of anything that is not a builtin. */
export function createCall(
  callee: Expr,
  args: Expr[],
  kwargs: KeywordArgIR[],
  span: Span,
): CallExprIR {
  return { kind: 'call', callee, args, kwargs, span };
}

/** `target | name(args)` */
export function createFilter(
  name: string,
  target: Expr,
  args: Expr[],
  kwargs: KeywordArgIR[],
  span: Span,
): FilterExprIR {
  return { kind: 'filter', name, target, args, kwargs, span };
}

/** `target is [not] name(args)` */
export function createTest(
  name: string,
  target: Expr,
  args: Expr[],
  negated: boolean,
  span: Span,
): TestExprIR {
  return { kind: 'test', name, target, args, negated, span };
}

/** `not x`, `-x`, `+x` */
export function createUnary(
  operator: UnaryExprIR['operator'],
  operand: Expr,
  span: Span,
): UnaryExprIR {
  return { kind: 'unary', operator, operand, span };
}

/** `left op right` */
export function createBinary(
  operator: BinaryExprIR['operator'],
  left: Expr,
  right: Expr,
  span: Span,
): BinaryExprIR {
  return { kind: 'binary', operator, left, right, span };
}

/** A (possibly chained) comparison. */
export function createCompare(first: Expr, rest: CompareExprIR['rest'], span: Span): CompareExprIR {
  return { kind: 'compare', first, rest, span };
}

/** `then if test else otherwise` */
export function createConditional(
  test: Expr,
  then: Expr,
  otherwise: Expr | null,
  span: Span,
): ConditionalExprIR {
  return { kind: 'conditional', test, then, otherwise, span };
}

/** A resolved builtin call; `resolved` is the called template's key for a literal `flow` path. */
export function createBuiltinCall(
  name: BuiltinName,
  args: Expr[],
  kwargs: KeywordArgIR[],
  resolved: string | null,
  span: Span,
): BuiltinCallExprIR {
  return { kind: 'builtinCall', name, args, kwargs, resolved, span };
}
