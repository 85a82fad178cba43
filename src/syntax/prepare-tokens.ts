import type { IToken, TokenType } from 'chevrotain';
import type { CappedDiagnostics } from '../diagnostics/diagnostic-cap.js';
import { keywordType } from './keywords.js';
import type { FrontMatterPayload, RawBlockPayload, TerminationPayload } from './token-matchers.js';
import { tokenEnd } from './token-spans.js';
import {
  CallClose,
  CallOpenInCode,
  CallOpenInText,
  CommentInCode,
  CommentInText,
  FrontMatter,
  Name,
  OutputClose,
  OutputOpenInCode,
  OutputOpenInText,
  RawBlockInCode,
  RawBlockInText,
  StringLiteral,
  TagClose,
  TagCloseInCall,
  TagCloseInOutput,
  TagOpenInCode,
  TagOpenInText,
} from './tokens.js';
import { NotInKeyword, NotKeyword } from './keyword-tokens.js';

/**
 * One pass over the lexer's tokens before the parser sees them:
 *
 * - keywords are lexed as names and re-typed here with one map lookup per name (cheaper than
 *   fifty keyword patterns with `longer_alt`), and `not` `in` becomes one `not in` operator;
 * - every `{%`, `{{` and `<<` gets a closer: when a tag is left open (another opener comes, or
 *   the end of the file), a closer with an empty image is inserted right after its last token,
 *   so the parser always sees complete tags and one unclosed tag cannot swallow the blocks
 *   after it (the AST builder reports it as OT1002);
 * - strings, comments, raw blocks and front matter that never end are reported.
 */
export function prepareTokens(
  tokens: IToken[],
  text: string,
  path: string,
  diagnostics: CappedDiagnostics,
): IToken[] {
  const roles = getRoles();
  const output: IToken[] = [];
  let expectedCloser: TokenType | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (roles[token.tokenTypeIdx]) {
      case Role.Name: {
        const keyword = keywordType(token.image);
        if (keyword === NotKeyword && tokens[i + 1]?.image === 'in') {
          const inToken = tokens[++i]!;
          token.image = text.slice(token.startOffset, tokenEnd(inToken));
          setType(token, NotInKeyword);
        } else if (keyword !== undefined) setType(token, keyword);
        break;
      }
      case Role.TagOpen:
      case Role.OutputOpen:
      case Role.CallOpen:
        if (expectedCloser !== null) output.push(syntheticCloser(expectedCloser, output.at(-1)!));
        expectedCloser = closerOf[roles[token.tokenTypeIdx] as Role]!;
        break;
      case Role.Block:
        if (expectedCloser !== null) output.push(syntheticCloser(expectedCloser, output.at(-1)!));
        expectedCloser = null;
        reportUnterminated(token, path, diagnostics);
        break;
      case Role.Closer:
        expectedCloser = null;
        break;
      case Role.Literal:
        reportUnterminated(token, path, diagnostics);
        break;
      default:
        break;
    }
    output.push(token);
  }
  if (expectedCloser !== null) output.push(syntheticCloser(expectedCloser, output.at(-1)!));
  return output;
}

const enum Role {
  Other,
  Name,
  TagOpen,
  OutputOpen,
  CallOpen,
  /** A comment or a raw block: ends any open tag. */
  Block,
  Closer,
  /** A string or front matter, which may be unterminated. */
  Literal,
}

const closerOf: Partial<Record<Role, TokenType>> = {
  [Role.TagOpen]: TagClose,
  [Role.OutputOpen]: OutputClose,
  [Role.CallOpen]: CallClose,
};

let roleTable: Uint8Array | undefined;

/** The role of each token type, indexed by tokenTypeIdx (known once the tokens exist). */
function getRoles(): Uint8Array {
  if (roleTable !== undefined) return roleTable;
  const entries: [TokenType, Role][] = [
    [Name, Role.Name],
    [TagOpenInText, Role.TagOpen],
    [TagOpenInCode, Role.TagOpen],
    [OutputOpenInText, Role.OutputOpen],
    [OutputOpenInCode, Role.OutputOpen],
    [CallOpenInText, Role.CallOpen],
    [CallOpenInCode, Role.CallOpen],
    [CommentInText, Role.Block],
    [CommentInCode, Role.Block],
    [RawBlockInText, Role.Block],
    [RawBlockInCode, Role.Block],
    [TagClose, Role.Closer],
    [OutputClose, Role.Closer],
    [CallClose, Role.Closer],
    [TagCloseInOutput, Role.Closer],
    [TagCloseInCall, Role.Closer],
    [StringLiteral, Role.Literal],
    [FrontMatter, Role.Literal],
  ];
  const size = Math.max(...entries.map(([type]) => type.tokenTypeIdx!)) + 1;
  roleTable = new Uint8Array(size);
  for (const [type, role] of entries) roleTable[type.tokenTypeIdx!] = role;
  return roleTable;
}

function setType(token: IToken, type: TokenType): void {
  token.tokenType = type;
  token.tokenTypeIdx = type.tokenTypeIdx!;
}

function syntheticCloser(type: TokenType, previous: IToken): IToken {
  return {
    image: '',
    startOffset: tokenEnd(previous),
    tokenType: type,
    tokenTypeIdx: type.tokenTypeIdx!,
  };
}

/** Strings, comments, raw blocks and front matter that run to the end of their line or file. */
function reportUnterminated(token: IToken, path: string, diagnostics: CappedDiagnostics): void {
  const type = token.tokenType;
  const start = token.startOffset;
  if (type === StringLiteral) {
    const payload = token.payload as TerminationPayload | undefined;
    if (payload === undefined || payload.terminated) return;
    const span = { start, end: tokenEnd(token) };
    diagnostics.report('OT1006', path, span);
  } else if (type === CommentInText || type === CommentInCode) {
    if ((token.payload as TerminationPayload).terminated) return;
    diagnostics.report('OT1007', path, { start, end: start + 2 });
  } else if (type === RawBlockInText || type === RawBlockInCode) {
    const payload = token.payload as RawBlockPayload;
    if (payload.terminated) return;
    diagnostics.report(
      'OT1010',
      path,
      { start, end: payload.openEnd },
      {
        tag: payload.name,
        expected: `end${payload.name}`,
      },
    );
  } else if (type === FrontMatter) {
    if ((token.payload as FrontMatterPayload).terminated) return;
    diagnostics.report('OT1008', path, { start, end: start + 3 });
  }
}
