import type { TokenType } from 'chevrotain';
import { createToken, Lexer } from './chevrotain.js';
import { AnyCode, ChainOperator, Identifier, LogicOp, PropertyName } from './tokens.js';

/**
 * Keyword token types. The lexer produces names only; prepare-tokens.ts re-types the names
 * that are keywords. Tag keywords stay usable as variables (`{{ set }}`) through the
 * Identifier category.
 */

function keyword(name: string, label: string, categories: TokenType[]) {
  return createToken({ name, pattern: Lexer.NA, label, categories });
}

/** `and` */
export const AndKeyword = keyword('AndKeyword', '`and`', [PropertyName, LogicOp]);
/** `or` */
export const OrKeyword = keyword('OrKeyword', '`or`', [PropertyName, LogicOp]);
/** `not` */
export const NotKeyword = keyword('NotKeyword', '`not`', [PropertyName]);
/** `in` */
export const InKeyword = keyword('InKeyword', '`in`', [PropertyName, ChainOperator]);
/** `not in`, merged from two names after lexing (comments cannot sit between them). */
export const NotInKeyword = keyword('NotInKeyword', '`not in`', [AnyCode, ChainOperator]);
/** `is` */
export const IsKeyword = keyword('IsKeyword', '`is`', [PropertyName]);
/** `if`: the tag and the inline conditional. */
export const IfKeyword = keyword('IfKeyword', '`if`', [PropertyName]);
/** `else`: the tag and the inline conditional. */
export const ElseKeyword = keyword('ElseKeyword', '`else`', [PropertyName]);
/** `true` */
export const TrueKeyword = keyword('TrueKeyword', '`true`', [PropertyName]);
/** `false` */
export const FalseKeyword = keyword('FalseKeyword', '`false`', [PropertyName]);
/** `none` / `null` */
export const NoneKeyword = keyword('NoneKeyword', '`none`', [PropertyName]);
/** `elif` / `elseif` */
export const ElifKeyword = keyword('ElifKeyword', '`elif`', [Identifier]);
/** `for` */
export const ForKeyword = keyword('ForKeyword', '`for`', [Identifier]);
/** `set` */
export const SetKeyword = keyword('SetKeyword', '`set`', [Identifier]);
/** `include` */
export const IncludeKeyword = keyword('IncludeKeyword', '`include`', [Identifier]);
/** `ignore` (of `ignore missing`) */
export const IgnoreKeyword = keyword('IgnoreKeyword', '`ignore`', [Identifier]);
/** `missing` (of `ignore missing`) */
export const MissingKeyword = keyword('MissingKeyword', '`missing`', [Identifier]);
/** `macro` */
export const MacroKeyword = keyword('MacroKeyword', '`macro`', [Identifier]);
/** `call` */
export const CallKeyword = keyword('CallKeyword', '`call`', [Identifier]);
/** `filter` */
export const FilterKeyword = keyword('FilterKeyword', '`filter`', [Identifier]);
/** `fork` */
export const ForkKeyword = keyword('ForkKeyword', '`fork`', [Identifier]);
/** `branch` */
export const BranchKeyword = keyword('BranchKeyword', '`branch`', [Identifier]);
/** `role` */
export const RoleKeyword = keyword('RoleKeyword', '`role`', [Identifier]);
/** `raw` / `verbatim` in a tag that is not a well-formed raw block opener. */
export const RawKeyword = keyword('RawKeyword', '`raw`', [Identifier]);
/** Any known end tag name: `endif`, `endfor`, … */
export const EndKeyword = keyword('EndKeyword', 'an end tag', [Identifier]);
/** A nunjucks tag that `.ot` does not support (`extends`, `block`, `import`, …). */
export const UnsupportedKeyword = keyword('UnsupportedKeyword', 'an unsupported tag', [Identifier]);
