import type { IToken } from 'chevrotain';
import type { CallExpr, DictEntry, Expr, Identifier, KeywordArg, LiteralExpr } from './ast.js';
import { applyNot, groupChain, type ChainOperand, type TestSuffix } from './chain.js';
import {
  missingAt,
  quoteSource,
  report,
  reportUnexpected,
  type BuildContext,
} from './build-context.js';
import type {
  ConditionCstNode,
  DictExprCstNode,
  ExpressionCstNode,
  FilterCstNode,
  ListExprCstNode,
  OperandCstChildren,
  OperandCstNode,
  ParenArgsCstNode,
  ParenExprCstNode,
  SubscriptCstNode,
  TermConditionCstNode,
  TermCstNode,
} from './cst.generated.js';
import { isDeeperThan } from './expr-depth.js';
import { keywordValue, numberValue, stringValue } from './literals.js';
import type { TerminationPayload } from './token-matchers.js';
import { tokenEnd, tokenSpan } from './token-spans.js';
import { NumberLiteral, StringLiteral } from './tokens.js';
import { FalseKeyword, NoneKeyword, TrueKeyword } from './keyword-tokens.js';

/**
 * CST → AST for expressions. Every builder tolerates the partial nodes that error recovery
 * leaves behind: what is missing becomes a MissingExpr at `fallback`, an offset the caller
 * knows (usually the end of the previous token).
 */

/** How deep one expression tree may grow before it is replaced by a MissingExpr. */
export const MAX_EXPRESSION_DEPTH = 512;

/**
 * An expression that is a direct part of a tag (not nested in another expression), with the
 * depth limit enforced: the parser never recurses on long chains, but later phases do.
 */
export function buildRootExpression(
  node: ExpressionCstNode | TermCstNode | undefined,
  ctx: BuildContext,
  fallback: number,
): Expr {
  const expr = buildExpression(node, ctx, fallback);
  if (!isDeeperThan(expr, MAX_EXPRESSION_DEPTH)) return expr;
  report(ctx, 'OT1011', expr.span, { limit: MAX_EXPRESSION_DEPTH });
  return { type: 'Missing', span: expr.span };
}

/** `{{ … }}`, tag arguments, …: a chain with an optional inline if. */
export function buildExpression(
  node: ExpressionCstNode | TermCstNode | undefined,
  ctx: BuildContext,
  fallback: number,
): Expr {
  if (node === undefined) return missingAt(fallback);
  const c = node.children;
  const operators =
    node.name === 'term'
      ? (c as TermCstNode['children']).ChainOperator
      : (c as ExpressionCstNode['children']).BinaryOperator;
  const then = buildChain(c.operand, operators, ctx, fallback);
  const ifToken = c.IfKeyword?.[0];
  if (ifToken === undefined) return then;
  const test = buildCondition(c.test?.[0], ctx, tokenEnd(ifToken));
  const elseToken = c.ElseKeyword?.[0];
  const otherwise =
    elseToken === undefined ? null : buildCondition(c.otherwise?.[0], ctx, tokenEnd(elseToken));
  const end = (otherwise ?? test).span.end;
  return { type: 'Conditional', test, then, otherwise, span: { start: then.span.start, end } };
}

function buildCondition(
  node: ConditionCstNode | TermConditionCstNode | undefined,
  ctx: BuildContext,
  fallback: number,
): Expr {
  if (node === undefined) return missingAt(fallback);
  const c = node.children;
  const operators =
    node.name === 'termCondition'
      ? (c as TermConditionCstNode['children']).ChainOperator
      : (c as ConditionCstNode['children']).BinaryOperator;
  return buildChain(c.operand, operators, ctx, fallback);
}

function buildChain(
  operandNodes: OperandCstNode[] | undefined,
  operators: IToken[] | undefined,
  ctx: BuildContext,
  fallback: number,
): Expr {
  if (operandNodes === undefined || operandNodes.length === 0) return missingAt(fallback);
  if (operators === undefined) {
    // The common case, a lone operand: no precedence to sort out.
    const only = buildOperand(operandNodes[0]!, ctx, fallback);
    if (only.nots.length === 0 && only.test === null) return only.core;
    return groupChain([only], [], (token, expected) => reportUnexpected(ctx, token, expected));
  }
  const operands: ChainOperand[] = [];
  for (let i = 0; i < operandNodes.length; i++) {
    const previous = i === 0 ? fallback : tokenEnd(operators[i - 1]!);
    operands.push(buildOperand(operandNodes[i]!, ctx, previous));
  }
  // Recovery may leave an operator without its right operand.
  for (let i = operands.length; i <= operators.length; i++) {
    operands.push({ nots: [], core: missingAt(tokenEnd(operators[i - 1]!)), test: null });
  }
  return groupChain(operands, operators, (token, expected) =>
    reportUnexpected(ctx, token, expected),
  );
}

/** One operand with its signs, postfix operators and filters; `not`s and tests stay apart. */
function buildOperand(node: OperandCstNode, ctx: BuildContext, fallback: number): ChainOperand {
  const c = node.children;
  const nots = c.NotKeyword ?? [];
  const signs = c.SignOp ?? [];
  const firstSign = signs[0];
  if (firstSign !== undefined) {
    // `-not x` does not parse in nunjucks either.
    const late = nots.find((token) => token.startOffset > firstSign.startOffset);
    if (late !== undefined) reportUnexpected(ctx, late, 'an expression');
  }
  const lastPrefix = signs.at(-1) ?? nots.at(-1);
  const primary = buildPrimary(c, ctx, lastPrefix === undefined ? fallback : tokenEnd(lastPrefix));
  const core =
    c.Dot === undefined &&
    c.subscript === undefined &&
    c.parenArgs === undefined &&
    c.filter === undefined
      ? applySigns(primary, signs)
      : applySuffixes(primary, signs, c, ctx);
  const test = c.IsKeyword === undefined ? null : buildTest(c, c.IsKeyword[0]!, ctx);
  return { nots, core, test };
}

/** `-+x`: the sign nearest the operand applies first. */
function applySigns(operand: Expr, signs: IToken[]): Expr {
  let result = operand;
  for (let i = signs.length - 1; i >= 0; i--) {
    const sign = signs[i]!;
    const operator = sign.image === '-' ? '-' : '+';
    const span = { start: sign.startOffset, end: result.span.end };
    result = { type: 'Unary', operator, operand: result, span };
  }
  return result;
}

/** The operand of `{% call %}`, which must be a macro call. */
export function buildMacroCall(
  node: OperandCstNode | undefined,
  ctx: BuildContext,
  fallback: number,
): CallExpr | null {
  if (node === undefined) return null;
  const operand = buildOperand(node, ctx, fallback);
  let expr = operand.core;
  for (const token of [...operand.nots].reverse())
    expr = applyNot(token, expr, new Set([operand.core]));
  if (expr.type === 'Call' && operand.test === null) return expr;
  report(ctx, 'OT1001', expr.span, {
    found: quoteSource(ctx, expr.span),
    expected: 'a macro call',
  });
  return null;
}

function buildPrimary(c: OperandCstChildren, ctx: BuildContext, fallback: number): Expr {
  const name = c.Identifier;
  if (name !== undefined) return { type: 'Name', name: name[0]!.image, span: tokenSpan(name[0]!) };
  const literal =
    c.StringLiteral ?? c.NumberLiteral ?? c.TrueKeyword ?? c.FalseKeyword ?? c.NoneKeyword;
  if (literal !== undefined) return buildLiteral(literal[0]!);
  if (c.RegexLiteral !== undefined) {
    const token = c.RegexLiteral[0]!;
    report(ctx, 'OT1001', tokenSpan(token), {
      found: `regular expression ${quoteSource(ctx, tokenSpan(token))}`,
      expected: 'an expression (`.ot` has no regular expression literals)',
    });
    return { type: 'Missing', span: tokenSpan(token) };
  }
  if (c.parenExpr !== undefined) return buildParenExpr(c.parenExpr[0]!, ctx);
  if (c.listExpr !== undefined) return buildList(c.listExpr[0]!, ctx);
  if (c.dictExpr !== undefined) return buildDict(c.dictExpr[0]!, ctx);
  return missingAt(fallback);
}

/** A literal token: string, number, `true`, `false` or `none`. */
export function buildLiteral(token: IToken): LiteralExpr {
  const raw = token.image;
  const first = raw.charCodeAt(0);
  let value: LiteralExpr['value'];
  if (first === 34 || first === 39) {
    const payload = token.payload as TerminationPayload | undefined;
    value = stringValue(raw, payload?.terminated !== false);
  } else if (first >= 48 && first <= 57) value = numberValue(raw);
  else value = keywordValue(raw);
  return { type: 'Literal', value, raw, span: tokenSpan(token) };
}

/**
 * `.name`, `[index]`, `(args)` and `| filter` in source order: the CST keeps one list per
 * kind, each in order, so they are merged by offset. Signs bind tighter than filters, as in
 * nunjucks: `-x | abs` is `abs(-x)`, `-x.y` is `-(x.y)`.
 */
function applySuffixes(
  primary: Expr,
  signs: IToken[],
  c: OperandCstChildren,
  ctx: BuildContext,
): Expr {
  const dots = c.Dot ?? [];
  const properties = c.PropertyName ?? [];
  const subscripts = c.subscript ?? [];
  const calls = c.parenArgs ?? [];
  const filters = c.filter ?? [];
  let d = 0;
  let s = 0;
  let a = 0;
  let f = 0;
  let result = primary;
  let signed = signs.length === 0;
  for (;;) {
    const dot = dots[d]?.startOffset ?? Infinity;
    const subscript = subscripts[s]?.children.LBracket[0]!.startOffset ?? Infinity;
    const call = calls[a]?.children.LParen[0]!.startOffset ?? Infinity;
    const filter = filters[f]?.children.Pipe[0]!.startOffset ?? Infinity;
    const next = Math.min(dot, subscript, call, filter);
    if (next === Infinity) break;
    if (next === filter) {
      if (!signed) {
        result = applySigns(result, signs);
        signed = true;
      }
      result = buildFilter(result, filters[f++]!, ctx);
    } else if (next === dot) {
      result = buildMember(result, dots[d]!, properties[d]);
      d++;
    } else if (next === subscript) {
      result = buildSubscript(result, subscripts[s++]!, ctx);
    } else {
      const built = buildArgs(calls[a++]!, ctx);
      const span = { start: result.span.start, end: built.end };
      result = { type: 'Call', callee: result, args: built.args, kwargs: built.kwargs, span };
    }
  }
  return signed ? result : applySigns(result, signs);
}

function buildMember(object: Expr, dot: IToken, property: IToken | undefined): Expr {
  // `x.` with nothing after the dot (reported by the parser) keeps an empty name, which an
  // editor can complete.
  const identifier: Identifier =
    property === undefined
      ? { type: 'Identifier', name: '', span: { start: tokenEnd(dot), end: tokenEnd(dot) } }
      : { type: 'Identifier', name: property.image, span: tokenSpan(property) };
  const span = { start: object.span.start, end: identifier.span.end };
  return { type: 'Member', object, property: identifier, span };
}

function buildSubscript(object: Expr, node: SubscriptCstNode, ctx: BuildContext): Expr {
  const c = node.children;
  const open = c.LBracket[0]!;
  const close = c.RBracket?.[0];
  const start = buildExpressionOrNull(c.start?.[0], ctx, tokenEnd(open));
  const firstColon = c.firstColon?.[0];
  if (firstColon === undefined) {
    const index = start ?? missingAt(tokenEnd(open));
    if (start === null && close !== undefined) reportUnexpected(ctx, close, 'an expression');
    const end = close === undefined ? index.span.end : tokenEnd(close);
    return { type: 'Index', object, index, span: { start: object.span.start, end } };
  }
  const secondColon = c.secondColon?.[0];
  const stop = buildExpressionOrNull(c.stop?.[0], ctx, tokenEnd(firstColon));
  const step = buildExpressionOrNull(c.step?.[0], ctx, tokenEnd(secondColon ?? firstColon));
  const end =
    close !== undefined
      ? tokenEnd(close)
      : ((step ?? stop)?.span.end ?? tokenEnd(secondColon ?? firstColon));
  return { type: 'Slice', object, start, stop, step, span: { start: object.span.start, end } };
}

function buildExpressionOrNull(
  node: ExpressionCstNode | undefined,
  ctx: BuildContext,
  fallback: number,
): Expr | null {
  return node === undefined ? null : buildExpression(node, ctx, fallback);
}

/** Positional and keyword arguments of `( … )`, and where the list ends. */
export function buildArgs(
  node: ParenArgsCstNode,
  ctx: BuildContext,
): { args: Expr[]; kwargs: KeywordArg[]; end: number } {
  const c = node.children;
  const open = c.LParen[0]!;
  const args: Expr[] = [];
  const kwargs: KeywordArg[] = [];
  const commas = c.Comma ?? [];
  let end = tokenEnd(open);
  (c.argument ?? []).forEach((argument, i) => {
    const a = argument.children;
    const previous = i === 0 ? open : (commas[i - 1] ?? open);
    const name = a.name?.[0];
    const valueFallback = a.Assign?.[0] ? tokenEnd(a.Assign[0]) : tokenEnd(previous);
    const value = buildExpression(a.expression?.[0], ctx, valueFallback);
    if (name === undefined) args.push(value);
    else {
      const identifier: Identifier = {
        type: 'Identifier',
        name: name.image,
        span: tokenSpan(name),
      };
      kwargs.push({
        name: identifier,
        value,
        span: { start: name.startOffset, end: value.span.end },
      });
    }
    end = value.span.end;
  });
  const close = c.RParen?.[0];
  return { args, kwargs, end: close === undefined ? end : tokenEnd(close) };
}

function buildFilter(target: Expr, node: FilterCstNode, ctx: BuildContext): Expr {
  const c = node.children;
  const parts = c.Identifier ?? [];
  const first = parts[0];
  const last = parts.at(-1);
  const pipe = c.Pipe[0]!;
  const name: Identifier =
    first === undefined || last === undefined
      ? { type: 'Identifier', name: '', span: { start: tokenEnd(pipe), end: tokenEnd(pipe) } }
      : {
          type: 'Identifier',
          name: parts.map((part) => part.image).join('.'),
          span: { start: first.startOffset, end: tokenEnd(last) },
        };
  const argsNode = c.parenArgs?.[0];
  const built =
    argsNode === undefined
      ? { args: [], kwargs: [], end: name.span.end }
      : buildArgs(argsNode, ctx);
  const span = { start: target.span.start, end: built.end };
  return { type: 'Filter', target, name, args: built.args, kwargs: built.kwargs, span };
}

function buildTest(c: OperandCstChildren, isToken: IToken, ctx: BuildContext): TestSuffix {
  const nameToken = c.test?.[0];
  const name: Identifier =
    nameToken === undefined
      ? { type: 'Identifier', name: '', span: { start: tokenEnd(isToken), end: tokenEnd(isToken) } }
      : { type: 'Identifier', name: nameToken.image, span: tokenSpan(nameToken) };
  const argsNode = c.testArgs?.[0];
  if (argsNode === undefined) {
    return { negated: c.negation !== undefined, name, args: [], end: name.span.end };
  }
  const built = buildArgs(argsNode, ctx);
  for (const kwarg of built.kwargs) {
    // nunjucks passes tests positional arguments only.
    report(ctx, 'OT1001', kwarg.name.span, {
      found: `keyword argument \`${kwarg.name.name}\``,
      expected: 'a positional argument',
    });
  }
  return { negated: c.negation !== undefined, name, args: built.args, end: built.end };
}

function buildParenExpr(node: ParenExprCstNode, ctx: BuildContext): Expr {
  const c = node.children;
  const open = c.LParen[0]!;
  const close = c.RParen?.[0];
  const items = (c.expression ?? []).map((item, i) =>
    buildExpression(item, ctx, tokenEnd((c.Comma ?? [])[i - 1] ?? open)),
  );
  if (items.length === 1) return items[0]!;
  const end = close === undefined ? (items.at(-1)?.span.end ?? tokenEnd(open)) : tokenEnd(close);
  // `()` is no expression in nunjucks (it compiles to invalid JavaScript).
  if (items.length === 0 && close !== undefined) reportUnexpected(ctx, close, 'an expression');
  return { type: 'List', items, tuple: true, span: { start: open.startOffset, end } };
}

function buildList(node: ListExprCstNode, ctx: BuildContext): Expr {
  const c = node.children;
  const open = c.LBracket[0]!;
  const close = c.RBracket?.[0];
  const items = (c.expression ?? []).map((item, i) =>
    buildExpression(item, ctx, tokenEnd((c.Comma ?? [])[i - 1] ?? open)),
  );
  const end = close === undefined ? (items.at(-1)?.span.end ?? tokenEnd(open)) : tokenEnd(close);
  return { type: 'List', items, tuple: false, span: { start: open.startOffset, end } };
}

const literalKeyTypes = new Set([
  StringLiteral,
  NumberLiteral,
  TrueKeyword,
  FalseKeyword,
  NoneKeyword,
]);

function buildDict(node: DictExprCstNode, ctx: BuildContext): Expr {
  const c = node.children;
  const open = c.LBrace[0]!;
  const close = c.RBrace?.[0];
  const entries: DictEntry[] = (c.dictEntry ?? []).map((entry, i) => {
    const e = entry.children;
    const keyToken = e.key?.[0];
    const keyFallback = tokenEnd((c.Comma ?? [])[i - 1] ?? open);
    const key: Expr =
      keyToken === undefined
        ? missingAt(keyFallback)
        : literalKeyTypes.has(keyToken.tokenType)
          ? buildLiteral(keyToken)
          : { type: 'Name', name: keyToken.image, span: tokenSpan(keyToken) };
    const colon = e.Colon?.[0];
    const value = buildExpression(e.expression?.[0], ctx, colon ? tokenEnd(colon) : key.span.end);
    return { key, value, span: { start: key.span.start, end: value.span.end } };
  });
  const end = close === undefined ? (entries.at(-1)?.span.end ?? tokenEnd(open)) : tokenEnd(close);
  return { type: 'Dict', entries, span: { start: open.startOffset, end } };
}
