import type { ast } from 'ot-lang/tools';

/** A half-open range of UTF-16 offsets, as the library's spans are. */
export type Span = ast.Identifier['span'];

/** True when `offset` lies in `span`; `inclusiveEnd` also accepts the offset just past it (a cursor at the end of a word). */
export function contains(span: Span, offset: number, inclusiveEnd = false): boolean {
  return offset >= span.start && (inclusiveEnd ? offset <= span.end : offset < span.end);
}

/** True when two spans are the same range. */
export function sameSpan(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end;
}
