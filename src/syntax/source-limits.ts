import type { IToken } from 'chevrotain';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * The most characters (UTF-16 units) a file may have: checked before lexing, so a hostile file
 * of any size costs no more than reading it. A prompt template of two million characters is far
 * past any model's context; data belongs in inputs, which have no such limit.
 */
export const MAX_SOURCE_LENGTH = 2_000_000;

/**
 * The most tokens a file may have. Each token and the tree built from it cost a few hundred
 * bytes, so a file past this is refused after lexing and before parsing: a file of this many
 * `{` peaks at about 150 MB, where a megabyte of them used to take half a gigabyte. A megabyte
 * of ordinary template text is about 100,000 tokens.
 */
export const MAX_TOKENS = 250_000;

/** A count as people read it: `2,000,000`. */
function grouped(count: number): string {
  return count.toLocaleString('en-US');
}

/** OT1016 when `text` is longer than MAX_SOURCE_LENGTH, pointing where the limit is crossed. */
export function sourceTooLarge(text: string, path: string): Diagnostic | undefined {
  if (text.length <= MAX_SOURCE_LENGTH) return undefined;
  return createDiagnostic(
    'OT1016',
    path,
    { start: MAX_SOURCE_LENGTH, end: MAX_SOURCE_LENGTH + 1 },
    { size: grouped(text.length), limit: grouped(MAX_SOURCE_LENGTH) },
  );
}

/** OT1017 when there are more than MAX_TOKENS tokens, pointing at the first one past it. */
export function tooManyTokens(tokens: readonly IToken[], path: string): Diagnostic | undefined {
  const first = tokens[MAX_TOKENS];
  if (first === undefined) return undefined;
  return createDiagnostic(
    'OT1017',
    path,
    { start: first.startOffset, end: first.startOffset + Math.max(1, first.image.length) },
    { limit: grouped(MAX_TOKENS) },
  );
}
