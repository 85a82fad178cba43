import type { Span } from '../source/span.js';
import { createSpan } from '../source/span.js';

/** The part of `span` without leading and trailing whitespace, so a caret lands on the text itself. */
export function trimmedSpan(span: Span, source: string): Span {
  const text = source.slice(span.start, span.end);
  const leading = text.length - text.trimStart().length;
  const trailing = text.length - text.trimEnd().length;
  if (leading === text.length) return span;
  return createSpan(span.start + leading, span.end - trailing);
}
