import { doc, type Doc } from 'prettier';
import type { CallBlockNode, Expr, Identifier, Node, TagDelimiter } from '../syntax/ast.js';
import {
  endsInBrackets,
  printCall,
  printExpr,
  printFilterCall,
  printParams,
  type ExprContext,
} from './print-expr.js';
import type { TagContent } from './tag-doc.js';
import { assertNever } from '../assert-never.js';

const { group, join, line } = doc.builders;

/** One tag of a block and the body that follows it (null after the last tag). */
export interface BlockSegment {
  tag: TagDelimiter;
  content: TagContent;
  body: Node[] | null;
}

/** Block nodes: those whose tags enclose bodies. */
export type BlockNode = Extract<Node, { tags: TagDelimiter[] }>;

/** Options of expressions directly inside a tag (operator chains are not indented twice). */
export function tagExprContext(singleQuote: boolean): ExprContext {
  return { singleQuote, noPlus: false, indentChains: false };
}

/** `{{ expr }}` */
export function outputContent(expr: Expr, singleQuote: boolean): TagContent {
  return exprContent('', expr, tagExprContext(singleQuote));
}

/** `<< name = a + b >>`: the terms keep any `+` of their own in parentheses. */
export function callBlockContent(node: CallBlockNode, singleQuote: boolean): TagContent {
  const ctx: ExprContext = { singleQuote, noPlus: true, indentChains: false };
  const head = node.target ? `${node.target.name} =` : '';
  const only = node.terms.length === 1 ? node.terms[0]! : null;
  if (only) return exprContent(head, only, ctx);
  const terms = node.terms.map((term) => printExpr(term, ctx));
  return { head, body: group(join([' +', line], terms)), hug: false };
}

/** The tags of a block node with the bodies between them, in source order. */
export function blockSegments(node: BlockNode, singleQuote: boolean): BlockSegment[] {
  const ctx = tagExprContext(singleQuote);
  const tags = node.tags;
  const headOnly = (tag: TagDelimiter): TagContent => ({ head: tag.name, body: null, hug: false });
  const segment = (index: number, content: TagContent, body: Node[] | null): BlockSegment => ({
    tag: tags[index]!,
    content,
    body,
  });
  const closing = (index: number): BlockSegment => segment(index, headOnly(tags[index]!), null);

  switch (node.type) {
    case 'If': {
      const segments = node.branches.map((branch, i) =>
        segment(i, exprContent(tags[i]!.name, branch.test, ctx), branch.body),
      );
      const elseIndex = node.branches.length;
      if (node.otherwise)
        segments.push(segment(elseIndex, headOnly(tags[elseIndex]!), node.otherwise));
      return [...segments, closing(segments.length)];
    }
    case 'For': {
      const head = `for ${names(node.targets)} in`;
      const segments = [segment(0, exprContent(head, node.iterable, ctx), node.body)];
      if (node.otherwise) segments.push(segment(1, headOnly(tags[1]!), node.otherwise));
      return [...segments, closing(segments.length)];
    }
    case 'Set':
      return [segment(0, exprContent(`set ${names(node.targets)} =`, node.value, ctx), null)];
    case 'SetBlock':
      return [
        segment(0, { head: `set ${names(node.targets)}`, body: null, hug: false }, node.body),
        closing(1),
      ];
    case 'Include': {
      const template = printExpr(node.template, ctx);
      const body = node.ignoreMissing ? [template, ' ignore missing'] : template;
      const hug = !node.ignoreMissing && endsInBrackets(node.template);
      return [segment(0, { head: 'include', body, hug }, null)];
    }
    case 'Macro': {
      const body: Doc = [node.name.name, printParams(node.params, ctx)];
      return [segment(0, { head: 'macro', body, hug: true }, node.body), closing(1)];
    }
    case 'CallTag': {
      const params = node.callerParams.length > 0 ? printParams(node.callerParams, ctx) : '';
      const body: Doc = ['call', params, ' ', printCall(node.call, ctx)];
      return [
        segment(0, { head: '', body, hug: endsInBrackets(node.call) }, node.body),
        closing(1),
      ];
    }
    case 'FilterBlock': {
      const body = printFilterCall(node.name.name, node.args, node.kwargs, ctx);
      const hug = node.args.length + node.kwargs.length > 0;
      return [segment(0, { head: 'filter', body, hug }, node.body), closing(1)];
    }
    case 'Fork':
    case 'Branch':
      return [segment(0, headOnly(tags[0]!), node.body), closing(1)];
    case 'Role':
      return [segment(0, exprContent('role', node.role, ctx), node.body), closing(1)];
    case 'Raw':
      // The content of a raw block is printed verbatim by the caller.
      return [segment(0, headOnly(tags[0]!), []), closing(1)];
    case 'UnsupportedTag':
      // Printed verbatim by the caller; listed so that the switch stays exhaustive.
      return [];
    default:
      return assertNever(node);
  }
}

function exprContent(head: string, expr: Expr, ctx: ExprContext): TagContent {
  return { head, body: printExpr(expr, ctx), hug: endsInBrackets(expr) };
}

function names(identifiers: readonly Identifier[]): string {
  return identifiers.map((identifier) => identifier.name).join(', ');
}
