import { Lexer, type IToken } from 'chevrotain';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { createSpan } from '../source/span.js';
import { insertMissingClosers } from './closers.js';
import { describeCharacter } from './describe.js';
import { retypeKeywords } from './keywords.js';
import type { FrontMatterPayload, RawBlockPayload, TerminationPayload } from './token-matchers.js';
import {
  CommentInCode,
  CommentInText,
  FrontMatter,
  RawBlockInCode,
  RawBlockInText,
  StringLiteral,
  lexerDefinition,
} from './tokens.js';

/** Tokens of one file plus the problems the lexer alone can see. */
export interface LexResult {
  tokens: IToken[];
  diagnostics: Diagnostic[];
}

let lexer: Lexer | undefined;

/** The one lexer instance; building it analyses every pattern, so it happens once. */
function getLexer(): Lexer {
  lexer ??= new Lexer(lexerDefinition, {
    // Spans are offsets; lines and columns are computed at the edges from the SourceFile.
    positionTracking: 'onlyOffset',
    recoveryEnabled: true,
  });
  return lexer;
}

/** Splits a file into tokens ready for the parser; never throws. */
export function lex(text: string, path: string): LexResult {
  const result = getLexer().tokenize(text);
  const diagnostics = result.errors.map((error) =>
    createDiagnostic(
      'OT1009',
      path,
      createSpan(error.offset, error.offset + Math.max(1, error.length)),
      {
        found: describeCharacter(text, error.offset),
      },
    ),
  );
  const tokens = insertMissingClosers(retypeKeywords(result.tokens, text));
  for (const token of tokens) {
    if (token.payload !== undefined) reportUnterminated(token, path, diagnostics);
  }
  return { tokens, diagnostics };
}

/** Strings, comments, raw blocks and front matter that run to the end of their line or file. */
function reportUnterminated(token: IToken, path: string, diagnostics: Diagnostic[]): void {
  const type = token.tokenType;
  const start = token.startOffset;
  if (type === StringLiteral) {
    if ((token.payload as TerminationPayload).terminated) return;
    const span = createSpan(start, start + token.image.length);
    diagnostics.push(createDiagnostic('OT1006', path, span));
  } else if (type === CommentInText || type === CommentInCode) {
    if ((token.payload as TerminationPayload).terminated) return;
    diagnostics.push(createDiagnostic('OT1007', path, createSpan(start, start + 2)));
  } else if (type === RawBlockInText || type === RawBlockInCode) {
    const payload = token.payload as RawBlockPayload;
    if (payload.terminated) return;
    diagnostics.push(
      createDiagnostic('OT1010', path, createSpan(start, payload.openEnd), {
        tag: payload.name,
        expected: `end${payload.name}`,
      }),
    );
  } else if (type === FrontMatter) {
    if ((token.payload as FrontMatterPayload).terminated) return;
    diagnostics.push(createDiagnostic('OT1008', path, createSpan(start, start + 3)));
  }
}
