import type { Doc } from 'prettier';
import type { Span } from '../source/span.js';

/** What printing a template needs: the source, the options that matter, and the range. */
export interface PrintContext {
  /** The text the AST was parsed from (prettier's `originalText`). */
  text: string;
  singleQuote: boolean;
  /** One level of block indentation: a tab or `tabWidth` spaces. */
  indentUnit: string;
  /** Prettier's layout options, for laying out each tag. */
  layout: { printWidth: number; tabWidth: number; useTabs: boolean };
  /** Only tags (and dropped whitespace) that overlap this range are reformatted; null: all. */
  range: Span | null;
  /** The printed front matter (YAML through prettier's own printer), if the file has one. */
  frontMatter: Doc | null;
}

/** True when `span` is to be reformatted under the context's range. */
export function inRange(ctx: PrintContext, span: Span): boolean {
  const range = ctx.range;
  if (range === null) return true;
  // A zero-width span (an empty stretch) counts when it touches the range.
  return span.start === span.end
    ? span.start >= range.start && span.start <= range.end
    : span.start < range.end && span.end > range.start;
}
