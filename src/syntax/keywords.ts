import type { IToken, TokenType } from 'chevrotain';
import { endTagNames, unsupportedTags } from './tag-table.js';
import {
  AndKeyword,
  BranchKeyword,
  CallKeyword,
  ElifKeyword,
  ElseKeyword,
  EndKeyword,
  FalseKeyword,
  FilterKeyword,
  ForKeyword,
  ForkKeyword,
  IfKeyword,
  IgnoreKeyword,
  IncludeKeyword,
  InKeyword,
  IsKeyword,
  MacroKeyword,
  MissingKeyword,
  Name,
  NoneKeyword,
  NotInKeyword,
  NotKeyword,
  OrKeyword,
  RawKeyword,
  RoleKeyword,
  SetKeyword,
  TrueKeyword,
  UnsupportedKeyword,
} from './tokens.js';

/**
 * Keywords are lexed as names and re-typed afterwards with one map lookup per name: cheaper than
 * fifty keyword patterns with `longer_alt`, and it keeps keywords and names in one place.
 */
const keywordTypes = new Map<string, TokenType>([
  ['and', AndKeyword],
  ['or', OrKeyword],
  ['not', NotKeyword],
  ['in', InKeyword],
  ['is', IsKeyword],
  ['if', IfKeyword],
  ['else', ElseKeyword],
  // nunjucks itself only knows the lower-case literals; the capitalised ones are Jinja's.
  ['true', TrueKeyword],
  ['True', TrueKeyword],
  ['false', FalseKeyword],
  ['False', FalseKeyword],
  ['none', NoneKeyword],
  ['None', NoneKeyword],
  ['null', NoneKeyword],
  ['elif', ElifKeyword],
  ['elseif', ElifKeyword],
  ['for', ForKeyword],
  ['set', SetKeyword],
  ['include', IncludeKeyword],
  ['ignore', IgnoreKeyword],
  ['missing', MissingKeyword],
  ['macro', MacroKeyword],
  ['call', CallKeyword],
  ['filter', FilterKeyword],
  ['fork', ForkKeyword],
  ['branch', BranchKeyword],
  ['role', RoleKeyword],
  ['raw', RawKeyword],
  ['verbatim', RawKeyword],
  ...endTagNames.map((name): [string, TokenType] => [name, EndKeyword]),
  ...Object.keys(unsupportedTags).map((name): [string, TokenType] => [name, UnsupportedKeyword]),
]);

/**
 * Re-types every Name token whose text is a keyword, in place, and merges `not` `in` into one
 * `not in` operator token. Returns the (possibly shorter) token array.
 */
export function retypeKeywords(tokens: IToken[], text: string): IToken[] {
  const nameIdx = Name.tokenTypeIdx;
  let write = 0;
  for (let read = 0; read < tokens.length; read++) {
    const token = tokens[read]!;
    if (token.tokenTypeIdx === nameIdx) {
      const keyword = keywordTypes.get(token.image);
      if (keyword === NotKeyword && tokens[read + 1]?.image === 'in') {
        const inToken = tokens[++read]!;
        const end = inToken.startOffset + inToken.image.length;
        token.image = text.slice(token.startOffset, end);
        setType(token, NotInKeyword);
      } else if (keyword !== undefined) {
        setType(token, keyword);
      }
    }
    tokens[write++] = token;
  }
  tokens.length = write;
  return tokens;
}

function setType(token: IToken, type: TokenType): void {
  token.tokenType = type;
  token.tokenTypeIdx = type.tokenTypeIdx!;
}
