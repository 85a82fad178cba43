import type { IToken } from 'chevrotain';
import type { Span } from '../source/span.js';

/** The offset just past a token (tokens carry only their start; see lexer.ts). */
export function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

/** The span a token covers. */
export function tokenSpan(token: IToken): Span {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}

/** The span from the start of one token to the end of another. */
export function tokensSpan(first: IToken, last: IToken): Span {
  return { start: first.startOffset, end: tokenEnd(last) };
}
