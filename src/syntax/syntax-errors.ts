import type { IRecognitionException, IToken } from 'chevrotain';
import { EOF, tokenMatcher } from './chevrotain.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createCappedDiagnostics, type CappedDiagnostics } from '../diagnostics/diagnostic-cap.js';
import { describeToken } from './describe.js';
import { MAX_NESTING, type OtParser } from './parser.js';
import { tokenEnd } from './token-spans.js';
import { CallOpen, Comment, OutputOpen, RawBlock, TagOpen } from './tokens.js';

/**
 * The parser's errors as diagnostics: chevrotain's recognition errors (phrased by
 * parser-errors.ts), the stray tokens the grammar skipped, and places nested too deeply; capped
 * like every diagnostic list of a file.
 */
export function syntaxErrors(
  parser: OtParser,
  path: string,
  textLength: number,
): CappedDiagnostics {
  const diagnostics = createCappedDiagnostics();
  const seen = new Set<number>();
  const unexpected = (first: IToken, end: number, expected: string): void => {
    // One message per place: recovery can meet the same token twice.
    if (seen.has(first.startOffset)) return;
    seen.add(first.startOffset);
    diagnostics.report(
      'OT1001',
      path,
      { start: first.startOffset, end },
      { found: describeToken(first), expected },
    );
  };
  for (const error of parser.errors) {
    if (isMissingCloser(error.token)) continue;
    unexpected(error.token, tokenEnd(error.token), expectedOf(error));
  }
  for (const stray of parser.strayTokens) {
    if (isMissingCloser(stray.first)) continue;
    unexpected(stray.first, tokenEnd(stray.last), stray.expected);
  }
  for (const { at } of parser.tooDeep) {
    const start = Number.isNaN(at.startOffset) ? textLength : at.startOffset;
    const end = at.tokenType === EOF ? start : tokenEnd(at);
    diagnostics.report('OT1011', path, { start, end }, { limit: MAX_NESTING });
  }
  return diagnostics;
}

/**
 * Errors at the end of the file, at an inserted closer or at the next tag all mean that a tag
 * was left open; the AST builder reports that once, as OT1002, at the tag's opener.
 */
function isMissingCloser(token: IToken): boolean {
  return (
    token.tokenType === EOF ||
    token.image === '' ||
    tokenMatcher(token, TagOpen) ||
    tokenMatcher(token, OutputOpen) ||
    tokenMatcher(token, CallOpen) ||
    tokenMatcher(token, Comment) ||
    tokenMatcher(token, RawBlock)
  );
}

function expectedOf(error: IRecognitionException): string {
  // parser-errors.ts makes every message an "expected …" phrase.
  return error.message;
}
