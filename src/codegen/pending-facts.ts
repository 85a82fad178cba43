import { assertNever } from '../assert-never.js';
import type { Expr, ProgramIR, Stmt, TemplateIR } from '../ir/ir.js';
import { forEachNode } from '../ir/walk-ir.js';
import { assignedNamesOf } from '../runtime/interpreter/assigned-names.js';

/** The globals: calling one never runs a template macro (unless a name hides it). */
const GLOBAL_FUNCTIONS = ['range', 'cycler', 'joiner', 'image'];

/**
 * Where a value can be pending (a call's result, or anything that reads one), decided once for
 * the whole program and without regard to order, so that it is sound however the template
 * runs: generated code evaluates an expression directly only when it can never be pending, and
 * otherwise the interpreter's way, through `whenKnown`/`whenAllKnown`.
 *
 * A variable can hold a pending value when some call block binds it, some `set` gives it a
 * value that can be pending, some capture's text can be, a statement that can wait for a call
 * (an `if`, `for`, `include` or `fork` whose head can be pending) may assign it, or it is a
 * macro parameter whose default can be. A macro call can be pending when any macro (or `call`
 * block body) can write pending text. Macro arguments, loop variables and flow inputs are
 * always known: the interpreter binds them only once the values are.
 */
export class PendingFacts {
  /** Variables that can hold a pending value. */
  readonly names = new Set<string>();
  /** True when some macro or `caller` body can write pending text. */
  macros = false;
  /**
   * True when the program names `image` anywhere: an output may then place an image, so every
   * `{{ }}` is written through `outputPiece` instead of joining the known text.
   */
  readonly images: boolean;
  private readonly bound = new Set<string>();

  constructor(private readonly program: ProgramIR) {
    for (const template of Object.values(program.templates))
      collectBound(template.body, this.bound);
    this.images = Object.values(program.templates).some(namesImage);
    let changed = true;
    while (changed) {
      const before = this.names.size + (this.macros ? 1 : 0);
      for (const template of Object.values(program.templates)) this.visit(template.body);
      changed = this.names.size + (this.macros ? 1 : 0) !== before;
    }
  }

  /** True when evaluating `expr` can give a pending value. */
  mayPend(expr: Expr): boolean {
    switch (expr.kind) {
      case 'literal':
        return false;
      case 'name':
        return this.names.has(expr.name);
      case 'builtinCall':
        return true;
      case 'call':
        if (this.macros && !this.isGlobalCall(expr.callee)) return true;
        return (
          this.mayPend(expr.callee) ||
          this.anyPend(expr.args) ||
          expr.kwargs.some((k) => this.mayPend(k.value))
        );
      case 'list':
        return this.anyPend(expr.items);
      case 'dict':
        return expr.entries.some((entry) => this.mayPend(entry.key) || this.mayPend(entry.value));
      case 'member':
        return this.mayPend(expr.object);
      case 'index':
        return this.mayPend(expr.object) || this.mayPend(expr.index);
      case 'slice':
        return this.anyPend([expr.object, expr.start, expr.stop, expr.step]);
      case 'filter':
        return (
          this.mayPend(expr.target) ||
          this.anyPend(expr.args) ||
          expr.kwargs.some((k) => this.mayPend(k.value))
        );
      case 'test':
        return this.mayPend(expr.target) || this.anyPend(expr.args);
      case 'unary':
        return this.mayPend(expr.operand);
      case 'binary':
        return this.mayPend(expr.left) || this.mayPend(expr.right);
      case 'compare':
        return this.mayPend(expr.first) || expr.rest.some((part) => this.mayPend(part.expr));
      case 'conditional':
        return this.anyPend([expr.test, expr.then, expr.otherwise]);
      default:
        return assertNever(expr);
    }
  }

  /** True when running `stmts` can write text that is pending (into the current buffer). */
  writesPending(stmts: readonly Stmt[], seen = new Set<string>()): boolean {
    return stmts.some((stmt) => this.stmtWritesPending(stmt, seen));
  }

  private stmtWritesPending(stmt: Stmt, seen: Set<string>): boolean {
    switch (stmt.kind) {
      case 'text':
      case 'set':
      case 'capture':
      case 'macro':
        return false;
      case 'output':
        return this.mayPend(stmt.expr);
      case 'callBlock':
        return this.anyPend(stmt.terms);
      case 'if':
        return (
          stmt.branches.some(
            (branch) => this.mayPend(branch.test) || this.writesPending(branch.body, seen),
          ) ||
          (stmt.otherwise !== null && this.writesPending(stmt.otherwise, seen))
        );
      case 'for':
        return (
          this.mayPend(stmt.iterable) ||
          this.writesPending(stmt.body, seen) ||
          (stmt.otherwise !== null && this.writesPending(stmt.otherwise, seen))
        );
      case 'fork':
        return stmt.mode === 'loop'
          ? this.stmtWritesPending(stmt.loop, seen)
          : stmt.branches.some((branch) => this.writesPending(branch.body, seen));
      case 'include': {
        // A computed path may name any template of the module.
        if (stmt.resolved === null) return true;
        if (seen.has(stmt.resolved)) return false;
        const template = this.program.templates[stmt.resolved];
        return (
          template !== undefined &&
          this.writesPending(template.body, new Set([...seen, stmt.resolved]))
        );
      }
      case 'callTag':
        return this.macros || this.mayPend(stmt.call);
      case 'filterBlock':
        return (
          this.writesPending(stmt.body, seen) ||
          this.anyPend(stmt.args) ||
          stmt.kwargs.some((k) => this.mayPend(k.value))
        );
      case 'role':
        return this.writesPending(stmt.body, seen);
      default:
        return assertNever(stmt);
    }
  }

  private visit(stmts: readonly Stmt[]): void {
    for (const stmt of stmts) this.visitStmt(stmt);
  }

  private visitStmt(stmt: Stmt): void {
    switch (stmt.kind) {
      case 'text':
      case 'output':
        return;
      case 'set':
        if (this.mayPend(stmt.value)) this.add(stmt.targets);
        return;
      case 'capture':
        if (this.writesPending(stmt.body)) this.add(stmt.targets);
        return this.visit(stmt.body);
      case 'callBlock':
        if (stmt.target !== null && this.anyPend(stmt.terms)) this.add([stmt.target]);
        return;
      case 'if':
        if (stmt.branches.some((branch) => this.mayPend(branch.test)))
          this.add(assignedNamesOf(stmt));
        for (const branch of stmt.branches) this.visit(branch.body);
        if (stmt.otherwise) this.visit(stmt.otherwise);
        return;
      case 'for':
        if (this.mayPend(stmt.iterable)) this.add(assignedNamesOf(stmt));
        this.visit(stmt.body);
        if (stmt.otherwise) this.visit(stmt.otherwise);
        return;
      case 'fork':
        if (stmt.mode === 'loop') {
          if (this.mayPend(stmt.loop.iterable)) this.add(assignedNamesOf(stmt));
          this.visit(stmt.loop.body);
          if (stmt.loop.otherwise) this.visit(stmt.loop.otherwise);
        } else {
          for (const branch of stmt.branches) this.visit(branch.body);
        }
        return;
      case 'include':
        if (stmt.resolved === null && this.mayPend(stmt.template)) this.add(assignedNamesOf(stmt));
        return;
      case 'macro':
      case 'callTag': {
        const params = stmt.kind === 'macro' ? stmt.params : stmt.callerParams;
        for (const param of params)
          if (param.defaultValue && this.mayPend(param.defaultValue)) this.add([param.name]);
        if (this.writesPending(stmt.body)) this.macros = true;
        return this.visit(stmt.body);
      }
      case 'filterBlock':
      case 'role':
        return this.visit(stmt.body);
      default:
        return assertNever(stmt);
    }
  }

  private isGlobalCall(callee: Expr): boolean {
    return (
      callee.kind === 'name' &&
      GLOBAL_FUNCTIONS.includes(callee.name) &&
      !this.bound.has(callee.name)
    );
  }

  private anyPend(exprs: readonly (Expr | null)[]): boolean {
    return exprs.some((expr) => expr !== null && this.mayPend(expr));
  }

  private add(names: readonly string[]): void {
    for (const name of names) this.names.add(name);
  }
}

/** True when a template reads the name `image` (the global, or whatever hides it). */
function namesImage(template: TemplateIR): boolean {
  let found = false;
  forEachNode(template.body, {
    expr: (expr) => {
      if (expr.kind === 'name' && expr.name === 'image') found = true;
    },
  });
  return found;
}

/** Every name the program binds anywhere (so a global such as `range` can be told from a variable). */
function collectBound(stmts: readonly Stmt[], into: Set<string>): void {
  for (const stmt of stmts) {
    for (const name of assignedNamesOf(stmt)) into.add(name);
    switch (stmt.kind) {
      case 'for':
        for (const target of stmt.targets) into.add(target);
        break;
      case 'fork':
        if (stmt.mode === 'loop') for (const target of stmt.loop.targets) into.add(target);
        break;
      case 'macro':
        for (const param of stmt.params) into.add(param.name);
        collectBound(stmt.body, into);
        break;
      case 'callTag':
        for (const param of stmt.callerParams) into.add(param.name);
        collectBound(stmt.body, into);
        break;
      default:
        break;
    }
  }
}
