/**
 * The values of literal tokens, decoded exactly as nunjucks' lexer decodes them.
 */

/**
 * The value of a string literal as written (quotes included; the closing one may be missing).
 * nunjucks knows only `\n`, `\t` and `\r`; any other escaped character stands for itself.
 */
export function stringValue(raw: string, terminated: boolean): string {
  const body = raw.slice(1, terminated ? -1 : undefined);
  if (!body.includes('\\')) return body;
  let value = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      value += ch;
      continue;
    }
    i++;
    const escaped = body[i];
    if (escaped === undefined) break;
    value += escaped === 'n' ? '\n' : escaped === 't' ? '\t' : escaped === 'r' ? '\r' : escaped;
  }
  return value;
}

/** The value of a number literal: `12` or `1.5` (`1.` is 1, as nunjucks reads it). */
export function numberValue(raw: string): number {
  return raw.includes('.') ? Number.parseFloat(raw) : Number.parseInt(raw, 10);
}

/** The value of `true`/`True`, `false`/`False` and `none`/`None`/`null`. */
export function keywordValue(raw: string): boolean | null {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  return null;
}
