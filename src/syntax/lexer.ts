import type { IToken } from 'chevrotain';
import { Lexer } from './chevrotain.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createCappedDiagnostics, type CappedDiagnostics } from '../diagnostics/diagnostic-cap.js';
import { describeCharacter } from './describe.js';
import { prepareTokens } from './prepare-tokens.js';
import { tooManyTokens } from './source-limits.js';
import { lexerDefinition } from './tokens.js';

/** Tokens of one file plus the problems the lexer alone can see. */
export interface LexResult {
  tokens: IToken[];
  /** Capped, like every diagnostic list of a file. */
  diagnostics: CappedDiagnostics;
  /** OT1017 when the file has more than MAX_TOKENS tokens: then `tokens` is empty. */
  tooManyTokens?: Diagnostic;
}

let lexer: Lexer | undefined;

/**
 * A lexer for `.ot` files. `validate` checks every pattern first (as a test does); the shared
 * instance skips that, which saves part of a run's start-up.
 */
export function createLexer(options: { validate?: boolean } = {}): Lexer {
  return new Lexer(lexerDefinition, {
    // Spans are offsets; lines and columns are computed at the edges from the SourceFile.
    positionTracking: 'onlyOffset',
    recoveryEnabled: true,
    skipValidations: options.validate !== true,
  });
}

/** The one lexer instance; building it analyses every pattern, so it happens once. */
function getLexer(): Lexer {
  lexer ??= createLexer();
  return lexer;
}

/** Splits a file into tokens ready for the parser; never throws. */
export function lex(text: string, path: string): LexResult {
  const result = getLexer().tokenize(text);
  const diagnostics = createCappedDiagnostics();
  const refused = tooManyTokens(result.tokens, path);
  if (refused !== undefined) return { tokens: [], diagnostics, tooManyTokens: refused };
  for (const error of result.errors) {
    diagnostics.report(
      'OT1009',
      path,
      { start: error.offset, end: error.offset + Math.max(1, error.length) },
      { found: describeCharacter(text, error.offset) },
    );
  }
  const tokens = prepareTokens(result.tokens, text, path, diagnostics);
  return { tokens, diagnostics };
}
