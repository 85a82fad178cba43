// Small builders for hand-made ASTs, so lowering and checks can be tested without the parser.
// Spans default to an empty span at 0; tests that look at positions pass their own.
import type { Span } from '../../src/source/span.js';
import type * as A from '../../src/syntax/ast.js';

const none: Span = { start: 0, end: 0 };
const tag = (name: string, span: Span = none): A.TagDelimiter => ({
  name,
  span,
  trimBefore: false,
  trimAfter: false,
});

export const ident = (name: string, span: Span = none): A.Identifier => ({
  type: 'Identifier',
  name,
  span,
});
export const lit = (value: A.LiteralExpr['value'], span: Span = none): A.LiteralExpr => ({
  type: 'Literal',
  value,
  raw: JSON.stringify(value),
  span,
});
export const name = (value: string, span: Span = none): A.NameExpr => ({
  type: 'Name',
  name: value,
  span,
});
export const list = (items: A.Expr[], span: Span = none): A.ListExpr => ({
  type: 'List',
  items,
  tuple: false,
  span,
});
export const member = (object: A.Expr, property: string): A.MemberExpr => ({
  type: 'Member',
  object,
  property: ident(property),
  span: none,
});
export const kw = (key: string, value: A.Expr, span: Span = none): A.KeywordArg => ({
  name: ident(key, span),
  value,
  span,
});
export const call = (
  callee: string | A.Expr,
  args: A.Expr[] = [],
  kwargs: A.KeywordArg[] = [],
  span: Span = none,
): A.CallExpr => ({
  type: 'Call',
  callee: typeof callee === 'string' ? name(callee, span) : callee,
  args,
  kwargs,
  span,
});
export const filter = (target: A.Expr, filterName: string, span: Span = none): A.FilterExpr => ({
  type: 'Filter',
  target,
  name: ident(filterName, span),
  args: [],
  kwargs: [],
  span,
});
export const test = (target: A.Expr, testName: string, span: Span = none): A.TestExpr => ({
  type: 'Test',
  target,
  name: ident(testName, span),
  args: [],
  negated: false,
  span,
});

export const text = (value: string, span: Span = none): A.TextNode => ({
  type: 'Text',
  value,
  span,
});
export const comment = (value: string): A.CommentNode => ({
  type: 'Comment',
  value,
  delimiter: { span: none, trimBefore: false, trimAfter: false },
  span: none,
});
export const raw = (value: string): A.RawNode => ({
  type: 'Raw',
  value,
  tags: [tag('raw'), tag('endraw')],
  span: none,
});
export const output = (expr: A.Expr): A.OutputNode => ({
  type: 'Output',
  expr,
  delimiter: { span: none, trimBefore: false, trimAfter: false },
  span: none,
});
export const set = (target: string, value: A.Expr): A.SetNode => ({
  type: 'Set',
  targets: [ident(target)],
  value,
  tags: [tag('set')],
  span: none,
});
export const ifNode = (
  testExpr: A.Expr,
  body: A.Node[],
  otherwise: A.Node[] | null = null,
): A.IfNode => ({
  type: 'If',
  branches: [{ test: testExpr, body, span: none }],
  otherwise,
  tags: [tag('if'), tag('endif')],
  span: none,
});
export const forNode = (
  targets: string[],
  iterable: A.Expr,
  body: A.Node[],
  span: Span = none,
): A.ForNode => ({
  type: 'For',
  targets: targets.map((target) => ident(target)),
  iterable,
  body,
  otherwise: null,
  tags: [tag('for', span), tag('endfor')],
  span,
});
export const macro = (macroName: string, params: string[], body: A.Node[]): A.MacroNode => ({
  type: 'Macro',
  name: ident(macroName),
  params: params.map((param) => ({ name: ident(param), defaultValue: null, span: none })),
  body,
  tags: [tag('macro'), tag('endmacro')],
  span: none,
});
export const callTag = (
  callerParams: string[],
  callExpr: A.CallExpr,
  body: A.Node[],
): A.CallTagNode => ({
  type: 'CallTag',
  callerParams: callerParams.map((param) => ({
    name: ident(param),
    defaultValue: null,
    span: none,
  })),
  call: callExpr,
  body,
  tags: [tag('call'), tag('endcall')],
  span: none,
});
export const fork = (body: A.Node[], span: Span = none): A.ForkNode => ({
  type: 'Fork',
  body,
  tags: [tag('fork', span), tag('endfork')],
  span,
});
export const branch = (body: A.Node[], span: Span = none): A.BranchNode => ({
  type: 'Branch',
  body,
  tags: [tag('branch', span), tag('endbranch')],
  span,
});
export const role = (roleExpr: A.Expr, body: A.Node[], span: Span = none): A.RoleNode => ({
  type: 'Role',
  role: roleExpr,
  body,
  tags: [tag('role', span), tag('endrole')],
  span,
});
export const callBlock = (
  target: string | null,
  terms: A.Expr[],
  span: Span = none,
): A.CallBlockNode => ({
  type: 'CallBlock',
  target: target === null ? null : ident(target),
  terms,
  delimiter: { span, trimBefore: false, trimAfter: false },
  span,
});
export const unsupported = (
  tagName: string,
  body: A.Node[],
  span: Span = none,
): A.UnsupportedTagNode => ({
  type: 'UnsupportedTag',
  name: tagName,
  body,
  tags: [tag(tagName, span)],
  span,
});

/** A template around a body, with optional front matter YAML (placed at offset 4, after `---\n`). */
export const template = (body: A.Node[], yaml?: string): A.TemplateNode => ({
  type: 'Template',
  frontMatter:
    yaml === undefined
      ? null
      : {
          type: 'FrontMatter',
          source: yaml,
          sourceSpan: { start: 4, end: 4 + yaml.length },
          span: { start: 0, end: 8 + yaml.length },
        },
  body,
  span: none,
});
