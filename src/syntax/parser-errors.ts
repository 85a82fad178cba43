import type { IParserErrorMessageProvider, TokenType } from 'chevrotain';
import { tokenLabel } from './chevrotain.js';

/**
 * Chevrotain calls this to phrase its errors. We only want the "expected …" half, in plain
 * words; the "unexpected …" half is described from the token when the error becomes a
 * diagnostic (see syntax-errors.ts).
 */

/** `a`, `a or b`, `a, b or c` */
function oneOf(phrases: string[]): string {
  const unique = [...new Set(phrases)];
  if (unique.length <= 1) return unique[0] ?? 'something else';
  return `${unique.slice(0, -1).join(', ')} or ${unique.at(-1)!}`;
}

function firstTokens(paths: TokenType[][]): string[] {
  return paths.flatMap((path) => (path[0] ? [tokenLabel(path[0])] : []));
}

/** The message provider handed to the parser: every message is an "expected" phrase. */
export const parserErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected }) => tokenLabel(expected),
  buildNotAllInputParsedMessage: () => 'end of file',
  // Alternatives that deserve a name carry one (`ERR_MSG` in parser.ts).
  buildNoViableAltMessage: ({ expectedPathsPerAlt, customUserDescription }) =>
    customUserDescription ?? oneOf(expectedPathsPerAlt.flatMap(firstTokens)),
  buildEarlyExitMessage: ({ expectedIterationPaths, customUserDescription }) =>
    customUserDescription ?? oneOf(firstTokens(expectedIterationPaths)),
};
