import type { Span } from '../source/span.js';
import type { PathAccess } from './path-access.js';

/**
 * The IR: what the planner, the interpreter and the code generator consume. Plain
 * JSON-serialisable data discriminated on `kind`; no classes, Maps, Sets or functions, so it can
 * be dumped, diffed, cached and sent to the language server. Whitespace control is already
 * applied, comments are gone, `raw` blocks are text, and builtin calls are resolved.
 */

/** A JSON Schema, kept as the plain object the user wrote (or derived from a short type name). */
export type JsonSchema = { [key: string]: unknown } | boolean;

/** The names of the builtins (LANGUAGE.md §6). */
export type BuiltinName =
  'generate_text' | 'generate_texts' | 'generate_object' | 'select' | 'instruct' | 'chat' | 'flow';

/** The roles a `role` block can give its text. */
export type RoleName = 'system' | 'user' | 'assistant';

// ---------------------------------------------------------------------------------------------
// Program and template
// ---------------------------------------------------------------------------------------------

/** A root template and every template it reaches statically through `include` and `flow()`. */
export interface ProgramIR {
  kind: 'program';
  /** The key of the root template in `templates`. */
  entry: string;
  /** Keyed by the template's path, as given to `lower` for the root and resolved for others. */
  templates: Record<string, TemplateIR>;
  /**
   * Where files reached at run time (computed paths) may be read; absent means only the entry's
   * directory, with computed paths refused.
   */
  access?: PathAccess;
}

/** One `.ot` file, lowered. */
export interface TemplateIR {
  kind: 'template';
  path: string;
  meta: TemplateMeta;
  body: Stmt[];
  /** True when the template has `role` blocks (whitespace-only text outside them is dropped from messages). */
  hasRoles: boolean;
  span: Span;
}

/** The front matter, checked and normalised. */
export interface TemplateMeta {
  description: string | null;
  inputs: Record<string, InputSpec>;
  /** The variable that is the run's result; null means the rendered text. */
  output: string | null;
  schemas: Record<string, JsonSchema>;
  /** Builtin name → default keyword arguments. */
  defaults: Record<string, Record<string, unknown>>;
  backend: string | null;
}

/** One declared input. */
export interface InputSpec {
  /** A JSON Schema; short types (`string`, `list`, …) are normalised to schemas. */
  schema: JsonSchema;
  /** False when a default is given. */
  required: boolean;
  /** Present only when `required` is false. */
  default?: unknown;
  span: Span;
}

// ---------------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------------

export type Stmt =
  | TextStmt
  | OutputStmt
  | IfStmt
  | ForStmt
  | SetStmt
  | CaptureStmt
  | IncludeStmt
  | MacroStmt
  | CallTagStmt
  | FilterBlockStmt
  | ForkStmt
  | RoleStmt
  | CallBlockStmt;

export interface TextStmt {
  kind: 'text';
  value: string;
  span: Span;
}

/** `{{ expr }}` */
export interface OutputStmt {
  kind: 'output';
  expr: Expr;
  span: Span;
}

export interface IfStmt {
  kind: 'if';
  branches: { test: Expr; body: Stmt[]; span: Span }[];
  otherwise: Stmt[] | null;
  span: Span;
}

export interface ForStmt {
  kind: 'for';
  targets: string[];
  iterable: Expr;
  body: Stmt[];
  otherwise: Stmt[] | null;
  span: Span;
}

/** `{% set a, b = value %}` */
export interface SetStmt {
  kind: 'set';
  targets: string[];
  value: Expr;
  span: Span;
}

/** `{% set x %}…{% endset %}` */
export interface CaptureStmt {
  kind: 'capture';
  targets: string[];
  body: Stmt[];
  span: Span;
}

/**
 * `{% include %}`. A literal path is resolved at lowering time (`resolved` is a key of
 * `ProgramIR.templates`); a computed one is resolved at run time relative to `from`.
 */
export interface IncludeStmt {
  kind: 'include';
  resolved: string | null;
  template: Expr;
  ignoreMissing: boolean;
  span: Span;
}

export interface ParamIR {
  name: string;
  defaultValue: Expr | null;
  span: Span;
}

export interface MacroStmt {
  kind: 'macro';
  name: string;
  params: ParamIR[];
  body: Stmt[];
  span: Span;
}

/** `{% call(params) m(args) %}body{% endcall %}` */
export interface CallTagStmt {
  kind: 'callTag';
  callerParams: ParamIR[];
  call: CallExprIR;
  body: Stmt[];
  span: Span;
}

export interface FilterBlockStmt {
  kind: 'filterBlock';
  name: string;
  args: Expr[];
  kwargs: KeywordArgIR[];
  body: Stmt[];
  span: Span;
}

/**
 * `{% fork %}`: either explicit branches, or one `for` whose iterations are the branches.
 * Whitespace-only text between branches is dropped by lowering.
 */
export type ForkStmt =
  | { kind: 'fork'; mode: 'branches'; branches: { body: Stmt[]; span: Span }[]; span: Span }
  | { kind: 'fork'; mode: 'loop'; loop: ForStmt; span: Span };

export interface RoleStmt {
  kind: 'role';
  role: RoleName;
  body: Stmt[];
  span: Span;
}

/** `<< [target =] term + … >>` */
export interface CallBlockStmt {
  kind: 'callBlock';
  target: string | null;
  terms: Expr[];
  span: Span;
}

// ---------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------

export type Expr =
  | LiteralExprIR
  | NameExprIR
  | ListExprIR
  | DictExprIR
  | MemberExprIR
  | IndexExprIR
  | SliceExprIR
  | CallExprIR
  | FilterExprIR
  | TestExprIR
  | UnaryExprIR
  | BinaryExprIR
  | CompareExprIR
  | ConditionalExprIR
  | BuiltinCallExprIR;

export interface LiteralExprIR {
  kind: 'literal';
  value: string | number | boolean | null;
  span: Span;
}

export interface NameExprIR {
  kind: 'name';
  name: string;
  span: Span;
}

export interface ListExprIR {
  kind: 'list';
  items: Expr[];
  span: Span;
}

export interface DictExprIR {
  kind: 'dict';
  entries: { key: Expr; value: Expr }[];
  span: Span;
}

export interface MemberExprIR {
  kind: 'member';
  object: Expr;
  property: string;
  span: Span;
}

export interface IndexExprIR {
  kind: 'index';
  object: Expr;
  index: Expr;
  span: Span;
}

export interface SliceExprIR {
  kind: 'slice';
  object: Expr;
  start: Expr | null;
  stop: Expr | null;
  step: Expr | null;
  span: Span;
}

export interface KeywordArgIR {
  name: string;
  value: Expr;
}

/** A call of a macro, `caller`, `loop.cycle`, a global (`range`, `cycler`, `joiner`) or a method. */
export interface CallExprIR {
  kind: 'call';
  callee: Expr;
  args: Expr[];
  kwargs: KeywordArgIR[];
  span: Span;
}

export interface FilterExprIR {
  kind: 'filter';
  name: string;
  target: Expr;
  args: Expr[];
  kwargs: KeywordArgIR[];
  span: Span;
}

export interface TestExprIR {
  kind: 'test';
  name: string;
  target: Expr;
  args: Expr[];
  negated: boolean;
  span: Span;
}

export interface UnaryExprIR {
  kind: 'unary';
  operator: 'not' | '-' | '+';
  operand: Expr;
  span: Span;
}

export interface BinaryExprIR {
  kind: 'binary';
  operator: 'or' | 'and' | 'in' | 'not in' | '~' | '+' | '-' | '*' | '/' | '//' | '%' | '**';
  left: Expr;
  right: Expr;
  span: Span;
}

export interface CompareExprIR {
  kind: 'compare';
  first: Expr;
  rest: { operator: '==' | '===' | '!=' | '!==' | '<' | '>' | '<=' | '>='; expr: Expr }[];
  span: Span;
}

export interface ConditionalExprIR {
  kind: 'conditional';
  test: Expr;
  then: Expr;
  otherwise: Expr | null;
  span: Span;
}

/**
 * A call of a builtin (only legal inside a call block). For `flow`, `resolved` is the key of the
 * called template in `ProgramIR.templates` when its path is a literal.
 */
export interface BuiltinCallExprIR {
  kind: 'builtinCall';
  name: BuiltinName;
  args: Expr[];
  kwargs: KeywordArgIR[];
  resolved: string | null;
  span: Span;
}
