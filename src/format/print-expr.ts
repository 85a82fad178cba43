import { doc, type Doc } from 'prettier';
import type {
  BinaryExpr,
  BinaryOperator,
  CallExpr,
  DictEntry,
  Expr,
  FilterExpr,
  KeywordArg,
  MacroParam,
} from '../syntax/ast.js';
import { assertNever } from '../assert-never.js';
import {
  binaryPrecedence,
  exprPrecedence,
  isInfixChain,
  mixesFloorDivision,
  operandPrecedence,
  Precedence,
} from './precedence.js';
import { printStringLiteral } from './string-literal.js';

const { group, indent, line, softline, join } = doc.builders;

/** What expression printing needs from the options and from where the expression sits. */
export interface ExprContext {
  singleQuote: boolean;
  /**
   * True at the top level of a call block's term, where a bare `+` would split the term in two
   * (composition): there, an addition must keep its parentheses.
   */
  noPlus: boolean;
  /** Indent the continuation lines of a broken operator chain (false directly inside a tag). */
  indentChains: boolean;
}

/** The expression as a prettier doc, with parentheses only where they are needed. */
export function printExpr(
  expr: Expr,
  ctx: ExprContext,
  minPrecedence = 0,
  forceParens = false,
): Doc {
  const needsParens =
    forceParens ||
    exprPrecedence(expr) < minPrecedence ||
    (ctx.noPlus && expr.type === 'Binary' && expr.operator === '+');
  if (needsParens) {
    const inner: ExprContext = { ...ctx, noPlus: false, indentChains: false };
    return group(['(', indent([softline, printBare(expr, inner)]), softline, ')']);
  }
  return printBare(expr, ctx);
}

/** Prints an expression that sits inside brackets, where `+` is addition again. */
function printNested(expr: Expr, ctx: ExprContext): Doc {
  return printExpr(expr, { ...ctx, noPlus: false, indentChains: true });
}

function printBare(expr: Expr, ctx: ExprContext): Doc {
  switch (expr.type) {
    case 'Literal':
      return typeof expr.value === 'string'
        ? printStringLiteral(expr.raw, ctx.singleQuote)
        : expr.raw;
    case 'Name':
      return expr.name;
    case 'List':
      if (expr.tuple)
        return printBracketed(
          '(',
          ')',
          expr.items.map((item) => printNested(item, ctx)),
          false,
        );
      return printBracketed(
        '[',
        ']',
        expr.items.map((item) => printNested(item, ctx)),
        false,
      );
    case 'Dict':
      // Always `{ a: 1 }`: `}}` would close a `{{ }}` tag around a nested dict.
      return printBracketed(
        '{',
        '}',
        expr.entries.map((entry) => printDictEntry(entry, ctx)),
        true,
      );
    case 'Member':
      return [printExpr(expr.object, ctx, Precedence.postfix), '.', expr.property.name];
    case 'Index':
      return [
        printExpr(expr.object, ctx, Precedence.postfix),
        group(['[', indent([softline, printNested(expr.index, ctx)]), softline, ']']),
      ];
    case 'Slice':
      return [
        printExpr(expr.object, ctx, Precedence.postfix),
        '[',
        expr.start ? printNested(expr.start, ctx) : '',
        ':',
        expr.stop ? printNested(expr.stop, ctx) : '',
        expr.step ? [':', printNested(expr.step, ctx)] : '',
        ']',
      ];
    case 'Call':
      return printCall(expr, ctx);
    case 'Filter':
      return printFilterChain(expr, ctx);
    case 'Test':
      return [
        printExpr(expr.target, ctx, Precedence.compare),
        ' is ',
        expr.negated ? 'not ' : '',
        expr.name.name,
        expr.args.length > 0 ? printArguments(expr.args, [], ctx) : '',
      ];
    case 'Unary':
      if (expr.operator === 'not') {
        return ['not ', printExpr(expr.operand, ctx, Precedence.not, isInfixChain(expr.operand))];
      }
      return [expr.operator, printExpr(expr.operand, ctx, Precedence.sign)];
    case 'Binary':
      return printBinaryChain(expr, ctx);
    case 'Compare': {
      const operands = expr.rest.map((part) => [
        ' ',
        part.operator,
        line,
        printExpr(part.expr, ctx, Precedence.additive),
      ]);
      return group([
        printExpr(expr.first, ctx, Precedence.additive),
        ctx.indentChains ? indent(operands) : operands,
      ]);
    }
    case 'Conditional': {
      const parts: Doc[] = [line, 'if ', printExpr(expr.test, ctx, Precedence.or)];
      if (expr.otherwise) parts.push(line, 'else ', printExpr(expr.otherwise, ctx, Precedence.or));
      return group([
        printExpr(expr.then, ctx, Precedence.or),
        ctx.indentChains ? indent(parts) : parts,
      ]);
    }
    case 'Missing':
      // The parser's stand-in after an error; files with syntax errors are never printed.
      throw new Error('cannot print an expression the parser could not read');
    default:
      return assertNever(expr);
  }
}

/** `callee(args, name=value)` */
export function printCall(expr: CallExpr, ctx: ExprContext): Doc {
  return [
    printExpr(expr.callee, ctx, Precedence.postfix),
    printArguments(expr.args, expr.kwargs, ctx),
  ];
}

/** `(a, b, name=value)`, broken one per line when it does not fit. */
export function printArguments(
  args: readonly Expr[],
  kwargs: readonly KeywordArg[],
  ctx: ExprContext,
): Doc {
  const parts = [
    ...args.map((arg) => printNested(arg, ctx)),
    ...kwargs.map((kwarg) => [kwarg.name.name, '=', printNested(kwarg.value, ctx)]),
  ];
  return printBracketed('(', ')', parts, false);
}

/** `(a, b=1)` of a macro or of a call tag's caller. */
export function printParams(params: readonly MacroParam[], ctx: ExprContext): Doc {
  const parts = params.map((param) =>
    param.defaultValue
      ? [param.name.name, '=', printNested(param.defaultValue, ctx)]
      : param.name.name,
  );
  return printBracketed('(', ')', parts, false);
}

/** The filter name with its arguments, as after `|` (or in `{% filter %}`). */
export function printFilterCall(
  name: string,
  args: readonly Expr[],
  kwargs: readonly KeywordArg[],
  ctx: ExprContext,
): Doc {
  return args.length > 0 || kwargs.length > 0 ? [name, printArguments(args, kwargs, ctx)] : name;
}

/** True when the expression ends in brackets that can break, so a tag may hug it. */
export function endsInBrackets(expr: Expr): boolean {
  switch (expr.type) {
    case 'Call':
      return expr.args.length + expr.kwargs.length > 0;
    case 'List':
      return expr.items.length > 0;
    case 'Dict':
      return expr.entries.length > 0;
    case 'Filter':
      return expr.args.length + expr.kwargs.length > 0;
    case 'Test':
      return expr.args.length > 0;
    default:
      return false;
  }
}

function printBracketed(open: string, close: string, parts: Doc[], spaced: boolean): Doc {
  if (parts.length === 0) return open + close;
  const edge = spaced ? line : softline;
  return group([open, indent([edge, join([',', line], parts)]), edge, close]);
}

function printDictEntry(entry: DictEntry, ctx: ExprContext): Doc {
  return [printNested(entry.key, ctx), ': ', printNested(entry.value, ctx)];
}

/** `x | f | g(a)`: the chain breaks before each `|` when it does not fit. */
function printFilterChain(expr: FilterExpr, ctx: ExprContext): Doc {
  const filters: FilterExpr[] = [];
  let target: Expr = expr;
  while (target.type === 'Filter') {
    filters.unshift(target);
    target = target.target;
  }
  const steps = filters.map((filter) => [
    line,
    '| ',
    printFilterCall(filter.name.name, filter.args, filter.kwargs, ctx),
  ]);
  return group([printExpr(target, ctx, Precedence.filter), indent(steps)]);
}

/** A left-associative chain of operators of one level, `a ~ b ~ c`, broken after operators. */
function printBinaryChain(expr: BinaryExpr, ctx: ExprContext): Doc {
  const level = binaryPrecedence(expr.operator);
  const rest: { operator: BinaryOperator; operand: Expr }[] = [];
  let first: Expr = expr;
  while (
    first.type === 'Binary' &&
    binaryPrecedence(first.operator) === level &&
    !(ctx.noPlus && first.operator === '+')
  ) {
    rest.unshift({ operator: first.operator, operand: first.right });
    first = first.left;
  }
  const tail = rest.map((part) => [
    ' ',
    part.operator,
    line,
    printExpr(part.operand, ctx, operandPrecedence(part.operator, 'right')),
  ]);
  const head = printExpr(first, ctx, level, mixesFloorDivision(rest[0]!.operator, first));
  return group([head, ctx.indentChains ? indent(tail) : tail]);
}
