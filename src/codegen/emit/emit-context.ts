import type { Stmt, TemplateIR } from '../../ir/ir.js';
import type { Span } from '../../source/span.js';
import type { ExprEmitter } from './expr.js';
import type { FunctionScope } from './function-scope.js';
import type { ModuleContext } from './module-context.js';
import type { CodeWriter } from './writer.js';

/** Where a statement emitter writes and what it can use. */
export interface EmitContext {
  readonly module: ModuleContext;
  /** The template the statements belong to. */
  readonly template: TemplateIR;
  readonly scope: FunctionScope;
  readonly expr: ExprEmitter;
  readonly out: CodeWriter;
  /** The JavaScript name of the current ExecState. */
  readonly state: string;
  /**
   * Marks where a statement starts: an error thrown by it (and not already located by a node
   * inside it) names this span, as the interpreter's `execStmt` does.
   */
  at(span: Span): void;
  /** Emits statements inline, in the current function. */
  body(stmts: readonly Stmt[]): void;
  /** A new function `(s) => { … }` running `stmts` (of `template`, by default this one); its code. */
  arrow(stmts: readonly Stmt[], template?: TemplateIR): string;
  /** A function `(s) => { …; return text; }` for statements that only write known text: it returns the text. */
  textArrow(stmts: readonly Stmt[]): string;
  /** A comment quoting the source of a statement, with its location. */
  comment(span: Span): void;
  /**
   * Appends known text (a JavaScript string expression) to the function's pending text, which
   * reaches `state.out` in one piece at the next `flush`: nothing reads the output between two
   * flushes, so the text and every prefix are as if each piece were written at once.
   */
  write(code: string): void;
  /**
   * Writes the pending text to `state.out`. Every statement that reads the output's position or
   * writes to it otherwise (a call, a pending value, a nested buffer, a role change, a loop or
   * include writing through another function) flushes first.
   */
  flush(): void;
  /** Whether text may be pending now; statements with branches save and merge it. */
  pendingText: boolean;
}

/** One emitter per statement kind. */
export type StmtEmitter<S extends Stmt> = (stmt: S, ec: EmitContext) => void;
