/** A half-open range [start, end) of UTF-16 offsets into one source text. */
export interface Span {
  start: number;
  end: number;
}

/** Creates a span; `end` is clamped so a span is never inverted. */
export function createSpan(start: number, end: number): Span {
  return { start, end: Math.max(start, end) };
}

/** The smallest span covering both. */
export function joinSpans(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
