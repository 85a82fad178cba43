import { doc, type Doc } from 'prettier';
import type { Delimiter, Node, TemplateNode } from '../syntax/ast.js';
import type { Span } from '../source/span.js';
import { assertNever } from '../assert-never.js';
import { countLineBreaks, isBlank, splitFreeWhitespace } from './free-whitespace.js';
import { inRange, type PrintContext } from './print-context.js';
import { blockSegments, callBlockContent, outputContent, type BlockNode } from './tag-contents.js';
import { printTagDoc, type DelimiterKind, type TagContent } from './tag-doc.js';

const { align, literalline } = doc.builders;

/**
 * Prints a template. Text is copied from the source character for character; only the inside
 * of tags changes, and whitespace that whitespace control drops anyway (`-%}` … `{%-`) may be
 * re-indented to show the nesting of blocks. Lines of text are joined with `literalline`, so
 * prettier neither indents nor trims them.
 */
export function printTemplate(ast: TemplateNode, ctx: PrintContext): Doc {
  const printer = new SequencePrinter(ctx);
  let start = 0;
  if (ast.frontMatter) {
    const frontMatter = ast.frontMatter;
    if (ctx.frontMatter !== null && inRange(ctx, frontMatter.span))
      printer.parts.push(ctx.frontMatter);
    else printer.text(ctx.text.slice(frontMatter.span.start, frontMatter.span.end));
    start = frontMatter.span.end;
    // The line break after the closing `---` belongs to the front matter, not to the text.
    const firstNode = ast.body[0];
    const bodyStart = firstNode ? firstNode.span.start : ctx.text.length;
    if (bodyStart > start && isBlank(ctx.text.slice(start, bodyStart))) {
      printer.text(ctx.text.slice(start, bodyStart));
      start = bodyStart;
    }
  }
  printer.sequence(ast.body, { start, end: ctx.text.length }, 0, null, false);
  return printer.parts;
}

/** One element of a body: a stretch of text (a Text node or source no node covers), or a node. */
type Entry =
  | { kind: 'text'; span: Span; value: string | null }
  | { kind: 'node'; node: Exclude<Node, { type: 'Text' }> };

/** Emits docs in source order and tracks the indentation of the output line being printed. */
class SequencePrinter {
  readonly parts: Doc[] = [];
  /**
   * The whitespace the current output line starts with: a tag that breaks over lines indents
   * its inner lines from there, wherever on the line it starts.
   */
  private base = '';

  constructor(private readonly ctx: PrintContext) {}

  /**
   * Prints the nodes of a body that covers `span` of the source, at nesting `depth`.
   * `closingDepth` is the depth of the tag that ends the body (null at the end of the file).
   */
  sequence(
    nodes: readonly Node[],
    span: Span,
    depth: number,
    closingDepth: number | null,
    inFork: boolean,
  ): void {
    const entries = this.entries(nodes, span);
    let ignoreNext = false;
    entries.forEach((entry, i) => {
      const next = entries[i + 1];
      if (entry.kind === 'text') {
        const followedByTag =
          next === undefined ? closingDepth : next.kind === 'node' ? depth : null;
        // Whitespace directly inside `fork`, between its branches, is dropped by the runtime.
        const value = inFork && entry.value !== null && isBlank(entry.value) ? '' : entry.value;
        this.stretch(entry.span, value, followedByTag);
        return;
      }
      if (ignoreNext) {
        ignoreNext = false;
        this.verbatim(entry.node.span);
        return;
      }
      this.node(entry.node, depth);
      if (entry.node.type === 'Comment' && entry.node.value.trim() === 'prettier-ignore')
        ignoreNext = true;
    });
  }

  /** Appends template text exactly as written. */
  text(value: string): void {
    if (value === '') return;
    const lines = value.split('\n');
    this.parts.push(lines[0]!);
    for (const text of lines.slice(1)) this.parts.push(literalline, text);
    if (lines.length > 1) this.base = /^[ \t]*/.exec(lines.at(-1)!)![0];
  }

  private verbatim(span: Span): void {
    this.text(this.ctx.text.slice(span.start, span.end));
  }

  private entries(nodes: readonly Node[], span: Span): Entry[] {
    const entries: Entry[] = [];
    let cursor = span.start;
    for (const node of nodes) {
      if (node.span.start > cursor)
        entries.push(this.uncovered({ start: cursor, end: node.span.start }));
      if (node.type === 'Text') entries.push({ kind: 'text', span: node.span, value: node.value });
      else entries.push({ kind: 'node', node });
      cursor = Math.max(cursor, node.span.end);
    }
    if (span.end > cursor) entries.push(this.uncovered({ start: cursor, end: span.end }));
    return entries;
  }

  /**
   * Source between nodes that no Text node covers: the parser drops text that whitespace
   * control trims to nothing, so blank source there renders nothing. Anything else is unknown
   * and is kept as written.
   */
  private uncovered(span: Span): Entry {
    return {
      kind: 'text',
      span,
      value: isBlank(this.ctx.text.slice(span.start, span.end)) ? '' : null,
    };
  }

  /**
   * A stretch of text. Its rendered part is copied; whitespace that whitespace control drops
   * and that ends right before a tag is re-indented to that tag's depth (a line break or two,
   * then the indentation) when it spans lines.
   */
  private stretch(span: Span, value: string | null, followedByTag: number | null): void {
    const raw = this.ctx.text.slice(span.start, span.end);
    const split = value === null ? null : splitFreeWhitespace(raw, value);
    if (split === null || followedByTag === null || (split.trail === '' && split.core !== '')) {
      this.text(raw);
      return;
    }
    const free = split.core === '' ? split.lead : split.trail;
    const freeSpan = { start: span.end - free.length, end: span.end };
    this.text(split.core === '' ? '' : split.lead + split.core);
    if (countLineBreaks(free) === 0 || !inRange(this.ctx, freeSpan)) {
      this.text(free);
      return;
    }
    const indentation = this.ctx.indentUnit.repeat(followedByTag);
    const breaks = Math.min(countLineBreaks(free), 2);
    for (let i = 0; i < breaks; i++) this.parts.push(literalline);
    this.parts.push(indentation);
    this.base = indentation;
  }

  /** A tag, reformatted when it lies in the range; `content` is built only then. */
  private tag(kind: DelimiterKind, delimiter: Delimiter, content: () => TagContent): void {
    if (!inRange(this.ctx, delimiter.span)) {
      this.verbatim(delimiter.span);
      return;
    }
    // Each tag is laid out on its own, as if it started where its line starts: a tag breaks
    // over lines when it is too long itself, not because the prose before it is long.
    const tagDoc = printTagDoc(kind, delimiter, content());
    const printed = doc.printer.printDocToString(
      [this.base, align(this.base, tagDoc)],
      this.ctx.layout,
    );
    this.text(printed.formatted.slice(this.base.length));
  }

  private node(node: Exclude<Node, { type: 'Text' }>, depth: number): void {
    const { singleQuote } = this.ctx;
    switch (node.type) {
      case 'Output':
        this.tag('output', node.delimiter, () => outputContent(node.expr, singleQuote));
        return;
      case 'CallBlock':
        this.tag('call', node.delimiter, () => callBlockContent(node, singleQuote));
        return;
      case 'Comment':
      case 'UnsupportedTag':
        this.verbatim(node.span);
        return;
      case 'Raw': {
        const [open, close] = node.tags;
        const [openSegment, closeSegment] = blockSegments(node, singleQuote);
        this.tag('tag', open!, () => openSegment!.content);
        this.verbatim({ start: open!.span.end, end: close!.span.start });
        this.tag('tag', close!, () => closeSegment!.content);
        return;
      }
      case 'If':
      case 'For':
      case 'Set':
      case 'SetBlock':
      case 'Include':
      case 'Macro':
      case 'CallTag':
      case 'FilterBlock':
      case 'Fork':
      case 'Branch':
      case 'Role':
        this.block(node, depth);
        return;
      default:
        assertNever(node);
    }
  }

  private block(node: BlockNode, depth: number): void {
    const segments = blockSegments(node, this.ctx.singleQuote);
    segments.forEach((segment, i) => {
      this.tag('tag', segment.tag, () => segment.content);
      const next = segments[i + 1];
      if (segment.body === null || next === undefined) return;
      const span = { start: segment.tag.span.end, end: next.tag.span.start };
      this.sequence(segment.body, span, depth + 1, depth, node.type === 'Fork');
    });
  }
}
