import { tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import {
  CallClose,
  CallOpen,
  Comment,
  OutputClose,
  OutputOpen,
  RawBlock,
  TagClose,
  TagOpen,
} from './tokens.js';
import { tokenEnd } from './token-spans.js';

/**
 * Gives every `{%`, `{{` and `<<` a closer. When a tag is left open (the lexer met another
 * opener, or the end of the file), a closer with an empty image is inserted right after the
 * tag's last token. The parser then always sees complete tags, so one unclosed tag cannot
 * swallow the blocks after it; the AST builder reports it as OT1002.
 */
export function insertMissingClosers(tokens: IToken[]): IToken[] {
  let expected: TokenType | null = null;
  let result: IToken[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const opens = openerCloser(token);
    if (expected !== null && (opens !== null || isBlockToken(token))) {
      result ??= tokens.slice(0, i);
      result.push(syntheticCloser(expected, tokens[i - 1]!));
      expected = null;
    }
    if (opens !== null) expected = opens;
    else if (expected !== null && isCloser(token)) expected = null;
    result?.push(token);
  }
  const output = result ?? tokens;
  if (expected !== null) output.push(syntheticCloser(expected, output.at(-1)!));
  return output;
}

function openerCloser(token: IToken): TokenType | null {
  if (tokenMatcher(token, TagOpen)) return TagClose;
  if (tokenMatcher(token, OutputOpen)) return OutputClose;
  if (tokenMatcher(token, CallOpen)) return CallClose;
  return null;
}

function isBlockToken(token: IToken): boolean {
  return tokenMatcher(token, Comment) || tokenMatcher(token, RawBlock);
}

function isCloser(token: IToken): boolean {
  return (
    tokenMatcher(token, TagClose) ||
    tokenMatcher(token, OutputClose) ||
    tokenMatcher(token, CallClose)
  );
}

function syntheticCloser(type: TokenType, previous: IToken): IToken {
  return {
    image: '',
    startOffset: tokenEnd(previous),
    tokenType: type,
    tokenTypeIdx: type.tokenTypeIdx!,
  };
}
