/**
 * Which whitespace of a stretch of template text never reaches the output, so the formatter may
 * re-indent it. Whitespace control (`-%}`, `{%-`, …) drops the whitespace at the edges of the
 * text next to it; the parser records what is left as the text's value. Rather than re-deriving
 * nunjucks' rules, the split is read off the raw text and that value: only a split that gives
 * back the value exactly is trusted, and anything else counts as rendered.
 */

/** A stretch of text cut into the dropped whitespace at its edges and the rendered core. */
export interface TextSplit {
  /** Dropped whitespace at the start (empty when nothing was dropped there). */
  lead: string;
  /** The text that renders (the value), as written. */
  core: string;
  /** Dropped whitespace at the end. */
  trail: string;
}

/** Splits `raw` around `value`; null when the value is not raw minus whitespace at its edges. */
export function splitFreeWhitespace(raw: string, value: string): TextSplit | null {
  if (value === raw) return { lead: '', core: raw, trail: '' };
  const leadLength = raw.length - raw.trimStart().length;
  if (value === '') return leadLength === raw.length ? { lead: raw, core: '', trail: '' } : null;
  const trailLength = raw.length - raw.trimEnd().length;
  const candidates: [number, number][] = [
    [leadLength, raw.length],
    [0, raw.length - trailLength],
    [leadLength, raw.length - trailLength],
  ];
  for (const [start, end] of candidates) {
    if (start <= end && raw.slice(start, end) === value) {
      return { lead: raw.slice(0, start), core: value, trail: raw.slice(end) };
    }
  }
  return null;
}

/** Whitespace as nunjucks' trimming (`\s`) sees it. */
export function isBlank(text: string): boolean {
  return /^\s*$/.test(text);
}

/** How many line breaks a stretch of whitespace holds (`\r\n` counts once). */
export function countLineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}
