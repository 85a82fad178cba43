import type { IToken } from 'chevrotain';
import type {
  CallBlockNode,
  CommentNode,
  Delimiter,
  FrontMatterNode,
  Identifier,
  OutputNode,
  RawNode,
  TemplateNode,
} from './ast.js';
import { missingAt, report, type BuildContext } from './build-context.js';
import { buildRootExpression } from './build-expressions.js';
import { buildTag } from './build-tags.js';
import type {
  CallBlockCstNode,
  OutputCstNode,
  TagCstNode,
  TemplateCstNode,
} from './cst.generated.js';
import type { FlatItem } from './flat-items.js';
import type { FrontMatterPayload, RawBlockPayload } from './token-matchers.js';
import { tokenEnd, tokenSpan } from './token-spans.js';
import { TagCloseInCall, TagCloseInOutput } from './tokens.js';
import { buildTree } from './tree-builder.js';
import { applyWhitespaceControl } from './whitespace.js';

/** How deeply blocks may nest in the AST. */
export const MAX_BLOCK_DEPTH = 256;

/** The CST of a whole file → the AST: items in source order, whitespace control, block tree. */
export function buildTemplate(cst: TemplateCstNode, text: string, ctx: BuildContext): TemplateNode {
  const c = cst.children;
  let frontMatter: FrontMatterNode | null = null;
  const items: FlatItem[] = [];
  // The CST groups the items by kind; merge the groups back into source order.
  const groups: Group[] = [
    group(c.Text, tokenStart, (token) => ({
      kind: 'text',
      node: { type: 'Text', value: token.image, span: tokenSpan(token) },
    })),
    group(
      c.output,
      (node) => node.children.OutputOpen[0]!.startOffset,
      (node) => buildOutput(node, ctx),
    ),
    group(
      c.tag,
      (node) => node.children.TagOpen[0]!.startOffset,
      (node: TagCstNode) => buildTag(node, ctx),
    ),
    group(
      c.callBlock,
      (node) => node.children.CallOpen[0]!.startOffset,
      (node) => buildCallBlock(node, ctx),
    ),
    group(c.Comment, tokenStart, (token) => buildComment(token)),
    group(c.RawBlock, tokenStart, (token) => buildRaw(token, text)),
    group(c.FrontMatter, tokenStart, (token) => {
      frontMatter = buildFrontMatter(token, text);
      return null;
    }),
    group(c.StrayCommentClose, tokenStart, (token) => {
      report(ctx, 'OT1004', tokenSpan(token), { found: token.image });
      return { kind: 'text', node: { type: 'Text', value: token.image, span: tokenSpan(token) } };
    }),
  ].filter((g): g is Group => g !== null);
  mergeInOrder(groups, items);
  const body = buildTree(applyWhitespaceControl(items), ctx, MAX_BLOCK_DEPTH);
  return { type: 'Template', frontMatter, body, span: { start: 0, end: text.length } };
}

interface Group {
  /** Where each item starts, in source order. */
  offsets: number[];
  build: (index: number) => FlatItem | null;
  next: number;
}

function group<T>(
  nodes: T[] | undefined,
  offsetOf: (node: T) => number,
  build: (node: T) => FlatItem | null,
): Group | null {
  if (nodes === undefined || nodes.length === 0) return null;
  const offsets = new Array<number>(nodes.length);
  for (let i = 0; i < nodes.length; i++) offsets[i] = offsetOf(nodes[i]!);
  return { offsets, build: (index) => build(nodes[index]!), next: 0 };
}

/** A k-way merge: each group is already in source order. */
function mergeInOrder(groups: Group[], out: FlatItem[]): void {
  for (;;) {
    let best: Group | null = null;
    let bestOffset = Infinity;
    for (const g of groups) {
      const offset = g.offsets[g.next];
      if (offset !== undefined && offset < bestOffset) {
        best = g;
        bestOffset = offset;
      }
    }
    if (best === null) return;
    const item = best.build(best.next++);
    if (item !== null) out.push(item);
  }
}

function tokenStart(token: IToken): number {
  return token.startOffset;
}

/** The delimiter of `{{ }}` or `<< >>`, reporting it when its closer was missing. */
function delimiterOf(
  open: IToken,
  close: IToken | undefined,
  end: number,
  ctx: BuildContext,
  closer: string,
): Delimiter {
  const closed = close !== undefined && close.image !== '';
  if (!closed) {
    report(ctx, 'OT1002', tokenSpan(open), {
      what: `\`${open.image.slice(0, 2)}\``,
      expected: closer,
    });
  } else if (close.tokenType === TagCloseInOutput || close.tokenType === TagCloseInCall) {
    report(ctx, 'OT1001', tokenSpan(close), { found: '`%}`', expected: closer });
  }
  return {
    span: { start: open.startOffset, end: closed ? tokenEnd(close) : end },
    trimBefore: open.image.endsWith('-'),
    trimAfter: closed && close.image.startsWith('-'),
  };
}

function buildOutput(node: OutputCstNode, ctx: BuildContext): FlatItem {
  const c = node.children;
  const open = c.OutputOpen[0]!;
  const expr = buildRootExpression(c.expression?.[0], ctx, tokenEnd(open));
  const delimiter = delimiterOf(open, c.OutputClose?.[0], expr.span.end, ctx, '`}}`');
  const output: OutputNode = { type: 'Output', expr, delimiter, span: delimiter.span };
  return {
    kind: 'node',
    node: output,
    trimBefore: delimiter.trimBefore,
    trimAfter: delimiter.trimAfter,
  };
}

function buildCallBlock(node: CallBlockCstNode, ctx: BuildContext): FlatItem {
  const c = node.children;
  const open = c.CallOpen[0]!;
  const targetToken = c.target?.[0];
  const target: Identifier | null =
    targetToken === undefined
      ? null
      : { type: 'Identifier', name: targetToken.image, span: tokenSpan(targetToken) };
  const pluses = c.Plus ?? [];
  const afterTarget = c.Assign?.[0] ?? open;
  const terms = (c.terms ?? []).map((term, i) =>
    buildRootExpression(term, ctx, tokenEnd(i === 0 ? afterTarget : pluses[i - 1]!)),
  );
  // Recovery may leave a `+` without its term, or no term at all.
  for (let i = terms.length; i <= pluses.length; i++) {
    terms.push(missingAt(tokenEnd(i === 0 ? afterTarget : pluses[i - 1]!)));
  }
  const end = terms.at(-1)!.span.end;
  const delimiter = delimiterOf(open, c.CallClose?.[0], end, ctx, '`>>`');
  const callBlock: CallBlockNode = {
    type: 'CallBlock',
    target,
    terms,
    delimiter,
    span: delimiter.span,
  };
  return {
    kind: 'node',
    node: callBlock,
    trimBefore: delimiter.trimBefore,
    trimAfter: delimiter.trimAfter,
  };
}

function buildComment(token: IToken): FlatItem {
  const image = token.image;
  const terminated = image.length >= 4 && image.endsWith('#}');
  const trimBefore = image.charAt(2) === '-';
  // In `{#-#}` one dash serves both sides, as in nunjucks.
  const trimAfter = terminated && image.charAt(image.length - 3) === '-';
  const start = 2 + (trimBefore ? 1 : 0);
  const end = terminated
    ? image.length - 2 - (trimAfter && image.length - 3 >= start ? 1 : 0)
    : image.length;
  const span = tokenSpan(token);
  const delimiter: Delimiter = { span, trimBefore, trimAfter };
  const comment: CommentNode = {
    type: 'Comment',
    value: image.slice(start, Math.max(start, end)),
    delimiter,
    span,
  };
  return { kind: 'node', node: comment, trimBefore, trimAfter };
}

/**
 * `{% raw %}…{% endraw %}`. As in nunjucks, `{%- raw` trims the text before and the content is
 * never trimmed by the opening tag; nunjucks lets the opener's `-%}` trim the text *after*
 * `{% endraw %}` instead, which is kept here. nunjucks does not accept `-` on `endraw`; here
 * `{%- endraw` trims the end of the content and `endraw -%}` the text after.
 */
function buildRaw(token: IToken, text: string): FlatItem {
  const payload = token.payload as RawBlockPayload;
  const start = token.startOffset;
  const openTag = {
    span: { start, end: payload.openEnd },
    trimBefore: text.charAt(start + 2) === '-',
    trimAfter: text.charAt(payload.openEnd - 3) === '-',
    name: payload.name,
  };
  const tags = [openTag];
  let value = text.slice(payload.openEnd, payload.closeStart);
  let closeTrimAfter = false;
  if (payload.terminated) {
    const closeTag = {
      span: { start: payload.closeStart, end: payload.closeEnd },
      trimBefore: text.charAt(payload.closeStart + 2) === '-',
      trimAfter: text.charAt(payload.closeEnd - 3) === '-',
      name: `end${payload.name}`,
    };
    tags.push(closeTag);
    if (closeTag.trimBefore) value = value.trimEnd();
    closeTrimAfter = closeTag.trimAfter;
  }
  const raw: RawNode = { type: 'Raw', value, tags, span: tokenSpan(token) };
  return {
    kind: 'node',
    node: raw,
    trimBefore: openTag.trimBefore,
    trimAfter: openTag.trimAfter || closeTrimAfter,
  };
}

function buildFrontMatter(token: IToken, text: string): FrontMatterNode {
  const payload = token.payload as FrontMatterPayload;
  return {
    type: 'FrontMatter',
    source: text.slice(payload.sourceStart, payload.sourceEnd),
    sourceSpan: { start: payload.sourceStart, end: payload.sourceEnd },
    span: { start: token.startOffset, end: payload.closeEnd },
  };
}
