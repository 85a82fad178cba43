import { assertNever } from '../../assert-never.js';
import type { BuiltinCallExprIR, CallExprIR, Expr, KeywordArgIR } from '../../ir/ir.js';
import { literalSource } from '../../runtime/jinja/template-image.js';
import { describeCallee } from '../../runtime/interpreter/describe-callee.js';
import type { FunctionScope } from './function-scope.js';
import { jsKey, jsLiteral, jsString } from './js-literal.js';
import type { ModuleContext } from './module-context.js';

/**
 * Compiles expressions to JavaScript expressions over the shared value helpers. Where an
 * expression can never be pending (PendingFacts), it is plain calls evaluated on the spot;
 * where it can, it is written the interpreter's way (src/runtime/interpreter/eval-expr.ts):
 * operands evaluated eagerly in source order, the operation applied in a `whenKnown` or
 * `whenAllKnown` continuation once they are known. Both orders and error locations match the
 * interpreter's.
 */
export class ExprEmitter {
  constructor(
    private readonly ctx: ModuleContext,
    private readonly scope: FunctionScope,
    /** The file the expressions are in (for error spans). */
    private readonly file: string,
  ) {}

  /** The JavaScript for `expr`, evaluated against the state named `state`. */
  emit(expr: Expr, state: string): string {
    return this.ctx.facts.mayPend(expr) ? this.pending(expr, state) : this.known(expr, state);
  }

  /** True when generated code must treat the value as possibly pending. */
  mayPend(expr: Expr): boolean {
    return this.ctx.facts.mayPend(expr);
  }

  /** An expression that is never pending: direct calls. */
  private known(expr: Expr, s: string): string {
    switch (expr.kind) {
      case 'literal':
        return jsLiteral(expr.value);
      case 'name':
        return `lookup(${s}, ${jsString(expr.name)})`;
      case 'list':
        return `[${expr.items.map((item) => this.emit(item, s)).join(', ')}]`;
      case 'dict':
        return `dict([${expr.entries.flatMap((entry) => [this.emit(entry.key, s), this.emit(entry.value, s)]).join(', ')}])`;
      case 'member':
        return `member(${s}, ${this.emit(expr.object, s)}, ${jsString(expr.property)}, ${this.at(expr)})`;
      case 'index':
        return `index(${s}, ${this.emit(expr.object, s)}, ${this.emit(expr.index, s)}, ${this.at(expr)})`;
      case 'slice':
        return `sliceValue(${[expr.object, expr.start, expr.stop, expr.step].map((part) => (part ? this.emit(part, s) : 'undefined')).join(', ')})`;
      case 'call':
        return `call(${s}, ${this.emit(expr.callee, s)}, [${this.list(expr.args, s)}], ${this.keywords(expr.kwargs, s)}, ${jsString(describeCallee(expr.callee))}, ${this.at(expr)}${literalFlag(expr)})`;
      case 'filter':
        return `filter(${s}, ${jsString(expr.name)}, ${this.emit(expr.target, s)}, [${this.list(expr.args, s)}], ${this.keywords(expr.kwargs, s)}, ${this.at(expr)})`;
      case 'test':
        return `test(${s}, ${jsString(expr.name)}, ${this.emit(expr.target, s)}, [${this.list(expr.args, s)}], ${expr.negated}, ${this.at(expr)})`;
      case 'unary':
        return expr.operator === 'not'
          ? `!isTruthy(${this.emit(expr.operand, s)})`
          : `unaryOp(${jsString(expr.operator)}, ${this.emit(expr.operand, s)})`;
      case 'binary': {
        if (expr.operator === 'and' || expr.operator === 'or') {
          // `and`/`or` return an operand, like the JavaScript nunjucks emits.
          const t = this.scope.temp();
          const left = this.emit(expr.left, s);
          const right = this.emit(expr.right, s);
          return expr.operator === 'and'
            ? `(${t} = ${left}, isTruthy(${t}) ? ${right} : ${t})`
            : `(${t} = ${left}, isTruthy(${t}) ? ${t} : ${right})`;
        }
        return `binaryOp(${jsString(expr.operator)}, ${this.emit(expr.left, s)}, ${this.emit(expr.right, s)})`;
      }
      case 'compare': {
        // Every operand first, then the chain grouped as nunjucks' emitted JavaScript groups it.
        const operators = jsLiteral(expr.rest.map((part) => part.operator));
        return `compareChain(${this.emit(expr.first, s)}, ${operators}, [${expr.rest.map((part) => this.emit(part.expr, s)).join(', ')}])`;
      }
      case 'conditional':
        return `(isTruthy(${this.emit(expr.test, s)}) ? ${this.emit(expr.then, s)} : ${expr.otherwise ? this.emit(expr.otherwise, s) : "''"})`;
      case 'builtinCall':
        return this.builtinCall(expr, s);
      default:
        return assertNever(expr);
    }
  }

  /** An expression that may be pending: the interpreter's continuations. */
  private pending(expr: Expr, s: string): string {
    switch (expr.kind) {
      case 'literal':
      case 'name':
        return this.known(expr, s);
      case 'list': {
        const v = this.scope.param();
        return `whenAllKnown([${this.list(expr.items, s)}], (${v}) => ${v})`;
      }
      case 'dict':
        return `whenAllKnown([${expr.entries.flatMap((entry) => [this.emit(entry.key, s), this.emit(entry.value, s)]).join(', ')}], dict)`;
      case 'member': {
        const v = this.scope.param();
        return `whenKnown(${this.emit(expr.object, s)}, (${v}) => member(${s}, ${v}, ${jsString(expr.property)}, ${this.at(expr)}))`;
      }
      case 'index': {
        const v = this.scope.param();
        return `whenAllKnown([${this.emit(expr.object, s)}, ${this.emit(expr.index, s)}], (${v}) => index(${s}, ${v}[0], ${v}[1], ${this.at(expr)}))`;
      }
      case 'slice': {
        const v = this.scope.param();
        const parts = [expr.object, expr.start, expr.stop, expr.step].map((part) =>
          part ? this.emit(part, s) : 'undefined',
        );
        return `whenAllKnown([${parts.join(', ')}], (${v}) => sliceValue(${v}[0], ${v}[1], ${v}[2], ${v}[3]))`;
      }
      case 'call': {
        const v = this.scope.param();
        const values = [
          this.emit(expr.callee, s),
          ...expr.args.map((a) => this.emit(a, s)),
          ...expr.kwargs.map((k) => this.emit(k.value, s)),
        ];
        const { args, kwargs } = this.spread(v, 1, expr.args.length, expr.kwargs);
        // A macro called once its arguments are known runs at its place in source order.
        const later = this.scope.param();
        return `walkWhenAllKnown(${s}, [${values.join(', ')}], (${later}, ${v}) => call(${later}, ${v}[0], ${args}, ${kwargs}, ${jsString(describeCallee(expr.callee))}, ${this.at(expr)}${literalFlag(expr)}))`;
      }
      case 'filter': {
        const v = this.scope.param();
        const values = [
          this.emit(expr.target, s),
          ...expr.args.map((a) => this.emit(a, s)),
          ...expr.kwargs.map((k) => this.emit(k.value, s)),
        ];
        const { args, kwargs } = this.spread(v, 1, expr.args.length, expr.kwargs);
        return `whenAllKnown([${values.join(', ')}], (${v}) => filter(${s}, ${jsString(expr.name)}, ${v}[0], ${args}, ${kwargs}, ${this.at(expr)}))`;
      }
      case 'test': {
        const v = this.scope.param();
        const values = [this.emit(expr.target, s), ...expr.args.map((a) => this.emit(a, s))];
        const { args } = this.spread(v, 1, expr.args.length, []);
        return `whenAllKnown([${values.join(', ')}], (${v}) => test(${s}, ${jsString(expr.name)}, ${v}[0], ${args}, ${expr.negated}, ${this.at(expr)}))`;
      }
      case 'unary': {
        const v = this.scope.param();
        const apply =
          expr.operator === 'not' ? `!isTruthy(${v})` : `unaryOp(${jsString(expr.operator)}, ${v})`;
        return `whenKnown(${this.emit(expr.operand, s)}, (${v}) => ${apply})`;
      }
      case 'binary': {
        const v = this.scope.param();
        if (expr.operator === 'and' || expr.operator === 'or') {
          // The right operand is evaluated later, at the place in source order taken now.
          const later = this.scope.param();
          const left = this.emit(expr.left, s);
          const right = this.emit(expr.right, later);
          return expr.operator === 'and'
            ? `walkWhenKnown(${s}, ${left}, (${later}, ${v}) => (isTruthy(${v}) ? ${right} : ${v}))`
            : `walkWhenKnown(${s}, ${left}, (${later}, ${v}) => (isTruthy(${v}) ? ${v} : ${right}))`;
        }
        return `whenAllKnown([${this.emit(expr.left, s)}, ${this.emit(expr.right, s)}], (${v}) => binaryOp(${jsString(expr.operator)}, ${v}[0], ${v}[1]))`;
      }
      case 'compare': {
        const v = this.scope.param();
        const operands = [expr.first, ...expr.rest.map((part) => part.expr)].map((operand) =>
          this.emit(operand, s),
        );
        const operators = jsLiteral(expr.rest.map((part) => part.operator));
        return `whenAllKnown([${operands.join(', ')}], (${v}) => compareChain(${v}[0], ${operators}, ${v}.slice(1)))`;
      }
      case 'conditional': {
        const v = this.scope.param();
        const later = this.scope.param();
        const test = this.emit(expr.test, s);
        const otherwise = expr.otherwise ? this.emit(expr.otherwise, later) : "''";
        return `walkWhenKnown(${s}, ${test}, (${later}, ${v}) => (isTruthy(${v}) ? ${this.emit(expr.then, later)} : ${otherwise}))`;
      }
      case 'builtinCall':
        return this.builtinCall(expr, s);
      default:
        return assertNever(expr);
    }
  }

  /** A builtin call: started at once when its arguments are known, else once they are. */
  private builtinCall(expr: BuiltinCallExprIR, s: string): string {
    const site = this.ctx.callSite(this.file, expr);
    const operands = [...expr.args, ...expr.kwargs.map((k) => k.value)];
    if (!operands.some((operand) => this.mayPend(operand))) {
      return `startCall(${s}, ${site}, [${this.list(expr.args, s)}], ${this.keywords(expr.kwargs, s)})`;
    }
    // The call's place in the text is taken before its arguments are evaluated and waited for,
    // its place in source order after them (see startBuiltinCall).
    const names = jsLiteral(expr.kwargs.map((k) => k.name));
    return `startCallWhenKnown(${s}, ${site}, ${s}.out.here(), [${operands.map((operand) => this.emit(operand, s)).join(', ')}], ${names})`;
  }

  private list(exprs: readonly Expr[], s: string): string {
    return exprs.map((expr) => this.emit(expr, s)).join(', ');
  }

  /** A keyword record (null when there are none, as the interpreter passes them). */
  private keywords(kwargs: readonly KeywordArgIR[], s: string): string {
    if (kwargs.length === 0) return 'null';
    return `{ ${kwargs.map((k) => `${jsKey(k.name)}: ${this.emit(k.value, s)}`).join(', ')} }`;
  }

  /** Positional and keyword arguments read back from a continuation's array `v`, from `offset`. */
  private spread(
    v: string,
    offset: number,
    positional: number,
    kwargs: readonly KeywordArgIR[],
  ): { args: string; kwargs: string } {
    const args = `[${Array.from({ length: positional }, (_, i) => `${v}[${offset + i}]`).join(', ')}]`;
    const keywords =
      kwargs.length === 0
        ? 'null'
        : `{ ${kwargs.map((k, i) => `${jsKey(k.name)}: ${v}[${offset + positional + i}]`).join(', ')} }`;
    return { args, kwargs: keywords };
  }

  private at(expr: Expr): string {
    return this.ctx.span(this.file, expr.span);
  }
}

/**
 * `, true` when a call's source argument is a literal (what `image()` records, so a literal
 * path is the author's choice), else nothing: other calls' code stays as it was.
 */
function literalFlag(expr: CallExprIR): string {
  return literalSource(expr.callee, expr.args, expr.kwargs) ? ', true' : '';
}
