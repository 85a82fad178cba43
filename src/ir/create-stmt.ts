import type { Span } from '../source/span.js';
import type {
  CallBlockStmt,
  CallExprIR,
  CallTagStmt,
  CaptureStmt,
  Expr,
  FilterBlockStmt,
  ForkStmt,
  ForStmt,
  IfStmt,
  IncludeStmt,
  KeywordArgIR,
  MacroStmt,
  OutputStmt,
  ParamIR,
  ProgramIR,
  RoleName,
  RoleStmt,
  SetStmt,
  Stmt,
  TemplateIR,
  TemplateMeta,
  TextStmt,
} from './ir.js';

/** Literal text, after whitespace control. */
export function createText(value: string, span: Span): TextStmt {
  return { kind: 'text', value, span };
}

/** `{{ expr }}` */
export function createOutput(expr: Expr, span: Span): OutputStmt {
  return { kind: 'output', expr, span };
}

/** `{% if %}` with its `elif` branches and optional `else`. */
export function createIf(
  branches: IfStmt['branches'],
  otherwise: Stmt[] | null,
  span: Span,
): IfStmt {
  return { kind: 'if', branches, otherwise, span };
}

/** `{% for targets in iterable %}` */
export function createFor(
  targets: string[],
  iterable: Expr,
  body: Stmt[],
  otherwise: Stmt[] | null,
  span: Span,
): ForStmt {
  return { kind: 'for', targets, iterable, body, otherwise, span };
}

/** `{% set targets = value %}` */
export function createSet(targets: string[], value: Expr, span: Span): SetStmt {
  return { kind: 'set', targets, value, span };
}

/** `{% set targets %}body{% endset %}` */
export function createCapture(targets: string[], body: Stmt[], span: Span): CaptureStmt {
  return { kind: 'capture', targets, body, span };
}

/** `{% include template [ignore missing] %}` */
export function createInclude(
  resolved: string | null,
  template: Expr,
  ignoreMissing: boolean,
  span: Span,
): IncludeStmt {
  return { kind: 'include', resolved, template, ignoreMissing, span };
}

/** A macro parameter with its optional default. */
export function createParam(name: string, defaultValue: Expr | null, span: Span): ParamIR {
  return { name, defaultValue, span };
}

/** `{% macro name(params) %}` */
export function createMacro(name: string, params: ParamIR[], body: Stmt[], span: Span): MacroStmt {
  return { kind: 'macro', name, params, body, span };
}

/** `{% call(callerParams) call %}body{% endcall %}` */
export function createCallTag(
  callerParams: ParamIR[],
  call: CallExprIR,
  body: Stmt[],
  span: Span,
): CallTagStmt {
  return { kind: 'callTag', callerParams, call, body, span };
}

/** `{% filter name(args) %}body{% endfilter %}` */
export function createFilterBlock(
  name: string,
  args: Expr[],
  kwargs: KeywordArgIR[],
  body: Stmt[],
  span: Span,
): FilterBlockStmt {
  return { kind: 'filterBlock', name, args, kwargs, body, span };
}

/** A fork whose branches are explicit `branch` blocks. */
export function createBranchesFork(branches: { body: Stmt[]; span: Span }[], span: Span): ForkStmt {
  return { kind: 'fork', mode: 'branches', branches, span };
}

/** A fork whose branches are the iterations of one `for`. */
export function createLoopFork(loop: ForStmt, span: Span): ForkStmt {
  return { kind: 'fork', mode: 'loop', loop, span };
}

/** `{% role "…" %}body{% endrole %}`, with the role already normalised. */
export function createRole(role: RoleName, body: Stmt[], span: Span): RoleStmt {
  return { kind: 'role', role, body, span };
}

/** `<< [target =] term + … >>` */
export function createCallBlock(target: string | null, terms: Expr[], span: Span): CallBlockStmt {
  return { kind: 'callBlock', target, terms, span };
}

/** The front matter of a template that has none. */
export function createEmptyMeta(): TemplateMeta {
  return { description: null, inputs: {}, output: null, schemas: {}, defaults: {}, backend: null };
}

/** One lowered `.ot` file. */
export function createTemplate(
  path: string,
  meta: TemplateMeta,
  body: Stmt[],
  hasRoles: boolean,
  span: Span,
): TemplateIR {
  return { kind: 'template', path, meta, body, hasRoles, span };
}

/** A root template with every template it reaches. */
export function createProgram(entry: string, templates: Record<string, TemplateIR>): ProgramIR {
  return { kind: 'program', entry, templates };
}
