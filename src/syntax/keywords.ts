import type { TokenType } from 'chevrotain';
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
  NoneKeyword,
  NotKeyword,
  OrKeyword,
  RawKeyword,
  RoleKeyword,
  SetKeyword,
  TrueKeyword,
  UnsupportedKeyword,
} from './keyword-tokens.js';

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
  // Lower case only, as nunjucks' lexer: `True`, `False` and `None` are ordinary names there
  // (undefined unless the context has them), and rendering must match nunjucks.
  ['true', TrueKeyword],
  ['false', FalseKeyword],
  ['none', NoneKeyword],
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

/** The keyword token type of a name, if it is a keyword. */
export function keywordType(image: string): TokenType | undefined {
  return keywordTypes.get(image);
}
