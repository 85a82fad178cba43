import type { IToken } from 'chevrotain';
import { EOF } from './chevrotain.js';
import { FrontMatter, NumberLiteral, StringLiteral, Text } from './tokens.js';

/**
 * Plain-words descriptions of what the parser found, for messages like
 * "unexpected `]`; expected `)`".
 */

const MAX_SHOWN = 24;

/** `x` for a visible character, `U+0000` for one that would not show (or not print) well. */
export function describeCharacter(text: string, offset: number): string {
  const code = text.codePointAt(offset) ?? 0;
  const isSurrogate = code >= 0xd800 && code <= 0xdfff;
  // eslint-disable-next-line no-control-regex
  const invisible = /[\u0000-\u0020\u007f-\u00a0\u2028\u2029\ufeff]/.test(
    String.fromCodePoint(code),
  );
  if (isSurrogate || invisible) {
    return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `\`${String.fromCodePoint(code)}\``;
}

/** `end of file`, `` `foo` ``, `the string "ab…"`, … */
export function describeToken(token: IToken): string {
  if (token.tokenType === EOF) return 'end of file';
  if (token.tokenType === Text) return 'text';
  if (token.tokenType === FrontMatter) return 'front matter';
  const image =
    token.image.length > MAX_SHOWN ? `${token.image.slice(0, MAX_SHOWN)}…` : token.image;
  if (token.tokenType === StringLiteral) return `string ${image}`;
  if (token.tokenType === NumberLiteral) return `number ${image}`;
  return `\`${image}\``;
}
