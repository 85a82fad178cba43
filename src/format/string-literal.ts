/**
 * Quote style of string literals. nunjucks reads `\x` as `x` for every character but `n`, `t`
 * and `r`, so swapping the enclosing quotes only needs `\'` ↔ `'` and `"` ↔ `\"`; every other
 * escape is kept as written. The value of the literal never changes.
 */

/** Rewrites a string literal as written (`raw`, quotes included) in the preferred quote style. */
export function printStringLiteral(raw: string, singleQuote: boolean): string {
  const written = raw[0];
  if (raw.length < 2 || (written !== '"' && written !== "'") || raw[raw.length - 1] !== written) {
    return raw;
  }
  const content = raw.slice(1, -1);
  const quote = preferredQuote(content, singleQuote ? "'" : '"');
  if (quote === written) return raw;
  return quote + requote(content, quote) + quote;
}

/** The preferred quote, unless the content holds more of it than of the other (fewer escapes). */
function preferredQuote(content: string, preferred: '"' | "'"): '"' | "'" {
  const alternate = preferred === '"' ? "'" : '"';
  let preferredCount = 0;
  let alternateCount = 0;
  for (const ch of content) {
    if (ch === preferred) preferredCount++;
    else if (ch === alternate) alternateCount++;
  }
  return preferredCount > alternateCount ? alternate : preferred;
}

/** Re-escapes the content for the new enclosing quote. */
function requote(content: string, quote: '"' | "'"): string {
  const other = quote === '"' ? "'" : '"';
  return content.replace(
    /\\([\s\S])|(["'])/g,
    (match, escaped: string | undefined, bare: string | undefined) => {
      // `\'` inside a "-string is just `'`; keep every other escape exactly as written.
      if (escaped !== undefined) return escaped === other ? escaped : match;
      return bare === quote ? `\\${bare}` : bare!;
    },
  );
}
