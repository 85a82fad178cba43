import type { Span } from '../source/span.js';

/**
 * The AST: plain data built by the CST visitor, discriminated on `type` (the IR uses `kind`, so
 * the two cannot be confused). Every node has a span. Nodes keep what the formatter needs to
 * print the source back (delimiters and whitespace-control flags); `Text.value` is the text after
 * whitespace control, which is what renders.
 */

// ---------------------------------------------------------------------------------------------
// Delimiters
// ---------------------------------------------------------------------------------------------

/** One `{% … %}`, `{{ … }}`, `<< … >>` or `{# … #}` as written, with its whitespace control. */
export interface Delimiter {
  span: Span;
  /** `{%-`, `{{-`, `<<-`, `{#-`: trims the whitespace before the delimiter. */
  trimBefore: boolean;
  /** `-%}`, `-}}`, `->>`, `-#}`: trims the whitespace after it. */
  trimAfter: boolean;
}

/** A block tag's opening, middle (`elif`, `else`) or closing tag, e.g. `{% endif %}`. */
export interface TagDelimiter extends Delimiter {
  /** The tag keyword: `if`, `elif`, `else`, `endif`, … */
  name: string;
}

/** An identifier as written, with its own span (for go-to-definition and rename). */
export interface Identifier {
  type: 'Identifier';
  name: string;
  span: Span;
}

// ---------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------

export type Expr =
  | LiteralExpr
  | NameExpr
  | ListExpr
  | DictExpr
  | MemberExpr
  | IndexExpr
  | SliceExpr
  | CallExpr
  | FilterExpr
  | TestExpr
  | UnaryExpr
  | BinaryExpr
  | CompareExpr
  | ConditionalExpr
  | MissingExpr;

/** `"s"`, `'s'`, `1`, `1.5`, `true`, `false`, `none`/`null` (as in nunjucks, `True` is a name). */
export interface LiteralExpr {
  type: 'Literal';
  value: string | number | boolean | null;
  /** The literal as written (quotes and escapes included), for the formatter. */
  raw: string;
  span: Span;
}

export interface NameExpr {
  type: 'Name';
  name: string;
  span: Span;
}

/** `[a, b]` or a parenthesised tuple `(a, b)` (nunjucks renders both as arrays). */
export interface ListExpr {
  type: 'List';
  items: Expr[];
  /** True for `( … , … )`. */
  tuple: boolean;
  span: Span;
}

export interface DictEntry {
  /** A string literal, or a bare name used as a string key (`{a: 1}`). */
  key: Expr;
  value: Expr;
  span: Span;
}

export interface DictExpr {
  type: 'Dict';
  entries: DictEntry[];
  span: Span;
}

/** `object.property` */
export interface MemberExpr {
  type: 'Member';
  object: Expr;
  property: Identifier;
  span: Span;
}

/** `object[index]` */
export interface IndexExpr {
  type: 'Index';
  object: Expr;
  index: Expr;
  span: Span;
}

/** `object[start:stop:step]`, each part optional. */
export interface SliceExpr {
  type: 'Slice';
  object: Expr;
  start: Expr | null;
  stop: Expr | null;
  step: Expr | null;
  span: Span;
}

export interface KeywordArg {
  name: Identifier;
  value: Expr;
  span: Span;
}

/** `callee(args…, name=value…)` */
export interface CallExpr {
  type: 'Call';
  callee: Expr;
  args: Expr[];
  kwargs: KeywordArg[];
  span: Span;
}

/** `target | name(args…)`; without parentheses `args` and `kwargs` are empty. */
export interface FilterExpr {
  type: 'Filter';
  target: Expr;
  name: Identifier;
  args: Expr[];
  kwargs: KeywordArg[];
  span: Span;
}

/** `target is name(args…)`, `target is not name`. */
export interface TestExpr {
  type: 'Test';
  target: Expr;
  name: Identifier;
  args: Expr[];
  negated: boolean;
  span: Span;
}

export type UnaryOperator = 'not' | '-' | '+';

export interface UnaryExpr {
  type: 'Unary';
  operator: UnaryOperator;
  operand: Expr;
  span: Span;
}

export type BinaryOperator =
  'or' | 'and' | 'in' | 'not in' | '~' | '+' | '-' | '*' | '/' | '//' | '%' | '**';

export interface BinaryExpr {
  type: 'Binary';
  operator: BinaryOperator;
  left: Expr;
  right: Expr;
  span: Span;
}

export type CompareOperator = '==' | '===' | '!=' | '!==' | '<' | '>' | '<=' | '>=';

/** `a < b <= c`: nunjucks chains comparisons. */
export interface CompareExpr {
  type: 'Compare';
  first: Expr;
  rest: { operator: CompareOperator; expr: Expr }[];
  span: Span;
}

/** `then if test else otherwise`; `otherwise` is null when the `else` part is omitted. */
export interface ConditionalExpr {
  type: 'Conditional';
  test: Expr;
  then: Expr;
  otherwise: Expr | null;
  span: Span;
}

/** Stands in for an expression the parser could not read (error recovery). */
export interface MissingExpr {
  type: 'Missing';
  span: Span;
}

// ---------------------------------------------------------------------------------------------
// Template nodes
// ---------------------------------------------------------------------------------------------

export type Node =
  | TextNode
  | OutputNode
  | CommentNode
  | IfNode
  | ForNode
  | SetNode
  | SetBlockNode
  | IncludeNode
  | MacroNode
  | CallTagNode
  | RawNode
  | FilterBlockNode
  | ForkNode
  | BranchNode
  | RoleNode
  | CallBlockNode
  | UnsupportedTagNode;

/** Literal template text; `value` is after whitespace control, the span covers the raw text. */
export interface TextNode {
  type: 'Text';
  value: string;
  span: Span;
}

/** `{{ expr }}` */
export interface OutputNode {
  type: 'Output';
  expr: Expr;
  delimiter: Delimiter;
  span: Span;
}

/** `{# … #}`; kept for the formatter and the language server (folding). */
export interface CommentNode {
  type: 'Comment';
  /** The text between the delimiters (and their `-`). */
  value: string;
  delimiter: Delimiter;
  span: Span;
}

export interface IfBranch {
  test: Expr;
  body: Node[];
  span: Span;
}

/** `{% if %}…{% elif %}…{% else %}…{% endif %}`; `tags` lists every tag in order. */
export interface IfNode {
  type: 'If';
  branches: IfBranch[];
  otherwise: Node[] | null;
  tags: TagDelimiter[];
  span: Span;
}

/** `{% for a, b in iterable %}…{% else %}…{% endfor %}` */
export interface ForNode {
  type: 'For';
  targets: Identifier[];
  iterable: Expr;
  body: Node[];
  otherwise: Node[] | null;
  tags: TagDelimiter[];
  span: Span;
}

/** `{% set a, b = value %}` */
export interface SetNode {
  type: 'Set';
  targets: Identifier[];
  value: Expr;
  tags: TagDelimiter[];
  span: Span;
}

/** `{% set x %}…{% endset %}`: captures the rendered body. */
export interface SetBlockNode {
  type: 'SetBlock';
  targets: Identifier[];
  body: Node[];
  tags: TagDelimiter[];
  span: Span;
}

/** `{% include expr [ignore missing] %}` */
export interface IncludeNode {
  type: 'Include';
  template: Expr;
  ignoreMissing: boolean;
  tags: TagDelimiter[];
  span: Span;
}

export interface MacroParam {
  name: Identifier;
  defaultValue: Expr | null;
  span: Span;
}

/** `{% macro name(params) %}…{% endmacro %}` */
export interface MacroNode {
  type: 'Macro';
  name: Identifier;
  params: MacroParam[];
  body: Node[];
  tags: TagDelimiter[];
  span: Span;
}

/** `{% call(params) macro(args) %}…{% endcall %}`: the body is the macro's `caller()`. */
export interface CallTagNode {
  type: 'CallTag';
  callerParams: MacroParam[];
  call: CallExpr;
  body: Node[];
  tags: TagDelimiter[];
  span: Span;
}

/** `{% raw %}…{% endraw %}` or `{% verbatim %}…{% endverbatim %}`; `value` is rendered as is. */
export interface RawNode {
  type: 'Raw';
  value: string;
  tags: TagDelimiter[];
  span: Span;
}

/** `{% filter name(args) %}…{% endfilter %}` */
export interface FilterBlockNode {
  type: 'FilterBlock';
  name: Identifier;
  args: Expr[];
  kwargs: KeywordArg[];
  body: Node[];
  tags: TagDelimiter[];
  span: Span;
}

/** `{% fork %}…{% endfork %}`: the body holds branches or one `for` (checked in lowering). */
export interface ForkNode {
  type: 'Fork';
  body: Node[];
  tags: TagDelimiter[];
  span: Span;
}

/** `{% branch %}…{% endbranch %}` */
export interface BranchNode {
  type: 'Branch';
  body: Node[];
  tags: TagDelimiter[];
  span: Span;
}

/** `{% role "system" %}…{% endrole %}` */
export interface RoleNode {
  type: 'Role';
  role: Expr;
  body: Node[];
  tags: TagDelimiter[];
  span: Span;
}

/** `<< [target =] term + term … >>` */
export interface CallBlockNode {
  type: 'CallBlock';
  target: Identifier | null;
  /** The top-level `+` operands; a single term when there is no composition. */
  terms: Expr[];
  delimiter: Delimiter;
  span: Span;
}

/** A known but unsupported tag (`extends`, `block`, `import`, …), kept so lowering can report it. */
export interface UnsupportedTagNode {
  type: 'UnsupportedTag';
  name: string;
  /** The tag's body up to its end tag, when it has one. */
  body: Node[];
  tags: TagDelimiter[];
  span: Span;
}

/** The YAML between the opening and closing `---` lines. */
export interface FrontMatterNode {
  type: 'FrontMatter';
  /** The YAML text, without the `---` lines. */
  source: string;
  /** Where `source` lies in the file. */
  sourceSpan: Span;
  /** The whole block, `---` lines included. */
  span: Span;
}

/** The root of a parsed `.ot` file. */
export interface TemplateNode {
  type: 'Template';
  frontMatter: FrontMatterNode | null;
  body: Node[];
  span: Span;
}
