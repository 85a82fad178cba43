import { doc, type Doc } from 'prettier';
import type { Delimiter } from '../syntax/ast.js';

const { group, indent, line } = doc.builders;

/** The inside of one `{% %}`, `{{ }}` or `<< >>`: a fixed head and an expression part. */
export interface TagContent {
  /** Words that never break, e.g. `if`, `for x in`, `set a =`, `x =` (may be empty). */
  head: string;
  /** The part that may break over lines; null for tags that are only a head (`endif`). */
  body: Doc | null;
  /**
   * Keep the body on the delimiter's line and let its own brackets break
   * (`<< x = f(` … `) >>`); otherwise a long body moves to its own, indented lines.
   */
  hug: boolean;
}

/** The kinds of delimiters, by their opening and closing characters. */
export type DelimiterKind = 'tag' | 'output' | 'call';

const delimiters: Record<DelimiterKind, [string, string]> = {
  tag: ['{%', '%}'],
  output: ['{{', '}}'],
  call: ['<<', '>>'],
};

/**
 * A tag with one space inside each delimiter and its whitespace control (`-`) kept exactly,
 * glued to the delimiter it belongs to.
 */
export function printTagDoc(kind: DelimiterKind, delimiter: Delimiter, content: TagContent): Doc {
  const [open, close] = delimiters[kind];
  const opener = delimiter.trimBefore ? `${open}-` : open;
  const closer = delimiter.trimAfter ? `-${close}` : close;
  const { head, body, hug } = content;
  if (body === null) return `${opener} ${head} ${closer}`;
  if (hug) return group([opener, ' ', head === '' ? '' : `${head} `, body, ' ', closer]);
  return group([opener, head === '' ? '' : ` ${head}`, indent([line, body]), line, closer]);
}
