import type { IMultiModeLexerDefinition, TokenType } from 'chevrotain';
import { createToken, Lexer } from './chevrotain.js';
import {
  matchBom,
  matchComment,
  matchFrontMatter,
  matchRawBlock,
  matchString,
  matchText,
} from './token-matchers.js';

/**
 * The token vocabulary of `.ot` files and the lexer modes that use it: `text` between tags,
 * and one code mode per kind of tag (`tag` for `{% %}`, `output` for `{{ }}`, `call` for
 * `<< >>`), which differ only in the delimiter that closes them.
 */

// ---------------------------------------------------------------------------------------------
// Categories: never produced by the lexer, matched by the parser.
// ---------------------------------------------------------------------------------------------

/** Any token that may appear between a tag's delimiters (everything but openers and closers). */
export const AnyCode = createToken({ name: 'AnyCode', pattern: Lexer.NA, label: 'code' });
/** Anything that may follow `.`: names and every keyword. */
export const PropertyName = createToken({
  name: 'PropertyName',
  pattern: Lexer.NA,
  categories: [AnyCode],
  label: 'a name',
});
/** A name usable as a variable: plain names and the tag keywords (`{{ set }}` is a variable). */
export const Identifier = createToken({
  name: 'Identifier',
  pattern: Lexer.NA,
  categories: [PropertyName],
  label: 'a name',
});
/** Any operator between two operands of a chain; precedence is decided in the AST builder. */
export const BinaryOperator = createToken({
  name: 'BinaryOperator',
  pattern: Lexer.NA,
  label: 'an operator',
});
/** Every binary operator but `+`: what may continue a term of a call block. */
export const ChainOperator = createToken({
  name: 'ChainOperator',
  pattern: Lexer.NA,
  categories: [BinaryOperator],
  label: 'an operator',
});
/** A comparison operator. */
export const CompareOp = createToken({
  name: 'CompareOp',
  pattern: Lexer.NA,
  categories: [AnyCode, ChainOperator],
  label: 'a comparison',
});
/** `and` or `or`; precedence is decided in the AST builder. */
export const LogicOp = createToken({
  name: 'LogicOp',
  pattern: Lexer.NA,
  categories: [ChainOperator],
});
/** A prefix `-` or `+`. */
export const SignOp = createToken({ name: 'SignOp', pattern: Lexer.NA });
/** `{%` or `{%-`, wherever it starts. */
export const TagOpen = createToken({ name: 'TagOpen', pattern: Lexer.NA, label: '`{%`' });
/** `{{` or `{{-`. */
export const OutputOpen = createToken({ name: 'OutputOpen', pattern: Lexer.NA, label: '`{{`' });
/** `<<` or `<<-`. */
export const CallOpen = createToken({ name: 'CallOpen', pattern: Lexer.NA, label: '`<<`' });
/** A whole `{# … #}` comment. */
export const Comment = createToken({ name: 'Comment', pattern: Lexer.NA, label: 'a comment' });
/** A whole `{% raw %}…{% endraw %}` or `{% verbatim %}…{% endverbatim %}` block. */
export const RawBlock = createToken({ name: 'RawBlock', pattern: Lexer.NA, label: 'a raw block' });

// ---------------------------------------------------------------------------------------------
// Text mode
// ---------------------------------------------------------------------------------------------

/** A byte order mark at the very start of the file: not template text. */
export const Bom = createToken({
  name: 'Bom',
  pattern: { exec: matchBom },
  start_chars_hint: ['\uFEFF'],
  group: Lexer.SKIPPED,
  line_breaks: false,
});
/** The YAML front matter block, `---` lines included (only at the start of the file). */
export const FrontMatter = createToken({
  name: 'FrontMatter',
  pattern: { exec: matchFrontMatter },
  start_chars_hint: ['-'],
  line_breaks: true,
  label: 'front matter',
});
/** Every character: text may start with any of them (the hint keeps the text mode optimised). */
const everyCharacter = Array.from({ length: 0x10000 }, (_, code) => code);

/** Template text up to the next delimiter. */
export const Text = createToken({
  name: 'Text',
  pattern: { exec: matchText },
  start_chars_hint: everyCharacter,
  line_breaks: true,
  label: 'text',
});
/** `#}` outside a comment: nunjucks rejects it, so do we. */
export const StrayCommentClose = createToken({
  name: 'StrayCommentClose',
  pattern: /#\}/,
  label: '`#}`',
});

const rawBlockConfig = {
  pattern: { exec: matchRawBlock },
  start_chars_hint: ['{'],
  line_breaks: true,
  label: 'a raw block',
};
const commentConfig = {
  pattern: { exec: matchComment },
  start_chars_hint: ['{'],
  line_breaks: true,
  label: 'a comment',
};

/** A raw block met in text. */
export const RawBlockInText = createToken({
  name: 'RawBlockInText',
  ...rawBlockConfig,
  categories: [RawBlock],
});
/** A comment met in text. */
export const CommentInText = createToken({
  name: 'CommentInText',
  ...commentConfig,
  categories: [Comment],
});
/** `{%` met in text. */
export const TagOpenInText = createToken({
  name: 'TagOpenInText',
  pattern: /\{%-?/,
  categories: [TagOpen],
  push_mode: 'tag',
  label: '`{%`',
});
/** `{{` met in text. */
export const OutputOpenInText = createToken({
  name: 'OutputOpenInText',
  pattern: /\{\{-?/,
  categories: [OutputOpen],
  push_mode: 'output',
  label: '`{{`',
});
/** `<<` met in text. */
export const CallOpenInText = createToken({
  name: 'CallOpenInText',
  pattern: /<<-?/,
  categories: [CallOpen],
  push_mode: 'call',
  label: '`<<`',
});

// ---------------------------------------------------------------------------------------------
// Openers met inside code. No valid expression contains `{%`, `{{`, `<<` or `{#` outside a
// string, so meeting one means the previous tag was never closed: leave it and start the new
// one, which keeps an unclosed tag from swallowing the rest of the file.
// ---------------------------------------------------------------------------------------------

/** A raw block that starts inside an unclosed tag. */
export const RawBlockInCode = createToken({
  name: 'RawBlockInCode',
  ...rawBlockConfig,
  categories: [RawBlock],
  pop_mode: true,
});
/** A comment that starts inside an unclosed tag. */
export const CommentInCode = createToken({
  name: 'CommentInCode',
  ...commentConfig,
  categories: [Comment],
  pop_mode: true,
});
/** `{%` inside an unclosed tag. */
export const TagOpenInCode = createToken({
  name: 'TagOpenInCode',
  pattern: /\{%-?/,
  categories: [TagOpen],
  pop_mode: true,
  push_mode: 'tag',
  label: '`{%`',
});
/** `{{` inside an unclosed tag. */
export const OutputOpenInCode = createToken({
  name: 'OutputOpenInCode',
  pattern: /\{\{-?/,
  categories: [OutputOpen],
  pop_mode: true,
  push_mode: 'output',
  label: '`{{`',
});
/** `<<` inside an unclosed tag. */
export const CallOpenInCode = createToken({
  name: 'CallOpenInCode',
  pattern: /<<-?/,
  categories: [CallOpen],
  pop_mode: true,
  push_mode: 'call',
  label: '`<<`',
});

// ---------------------------------------------------------------------------------------------
// Closers: each code mode knows only its own, so `}}` in `{% set d = {a: {b: 1}} %}` is two
// braces, and `>>` in `{{ }}` is two `>`.
// ---------------------------------------------------------------------------------------------

/** `%}` or `-%}`. */
export const TagClose = createToken({
  name: 'TagClose',
  pattern: /-?%\}/,
  pop_mode: true,
  label: '`%}`',
});
/** `}}` or `-}}`. */
export const OutputClose = createToken({
  name: 'OutputClose',
  pattern: /-?\}\}/,
  pop_mode: true,
  label: '`}}`',
});
/** `>>` or `->>`. */
export const CallClose = createToken({
  name: 'CallClose',
  pattern: /-?>>/,
  pop_mode: true,
  label: '`>>`',
});

/**
 * `%}` where `}}` or `>>` was due (`{{ x %}`): no expression contains `%}`, so it is taken as
 * the closer, and reported, rather than read as `%` followed by `}`.
 */
export const TagCloseInOutput = createToken({
  name: 'TagCloseInOutput',
  pattern: /-?%\}/,
  pop_mode: true,
  categories: [OutputClose],
  label: '`%}`',
});
/** `%}` closing a `<<`. */
export const TagCloseInCall = createToken({
  name: 'TagCloseInCall',
  pattern: /-?%\}/,
  pop_mode: true,
  categories: [CallClose],
  label: '`%}`',
});

// ---------------------------------------------------------------------------------------------
// Code
// ---------------------------------------------------------------------------------------------

/** Spaces between code tokens; the same characters nunjucks skips. */
export const Whitespace = createToken({
  name: 'Whitespace',
  pattern: /[ \t\r\n\u00A0]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
/** `"…"` or `'…'`; an unterminated one carries `payload.terminated === false`. */
export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: { exec: matchString },
  start_chars_hint: ['"', "'"],
  line_breaks: true,
  categories: [AnyCode],
  label: 'a string',
});
/** `12` or `1.5` (nunjucks has no exponent and no leading dot). */
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /[0-9]+(?:\.[0-9]*)?/,
  categories: [AnyCode],
  label: 'a number',
});
/**
 * nunjucks' regular expression literal `r/…/flags`, lexed as nunjucks lexes it (any `r/` at
 * the start of a token, so `r/2` is one too) so that it is reported instead of silently read
 * as a division: `.ot` values are plain data and have no regular expressions.
 */
export const RegexLiteral = createToken({
  name: 'RegexLiteral',
  // Unlike nunjucks, an unterminated one stops at the end of its line.
  pattern: /r\/(?:[^/\\\r\n]|\\[^\r\n])*\/?[gimy]*/,
  categories: [AnyCode],
  label: 'a regular expression',
});
/** A plain name; keywords are re-typed after lexing (see keywords.ts). */
export const Name = createToken({
  name: 'Name',
  pattern: /[A-Za-z_$\u00C0-\uD7FF\uE000-\uFFFF][\w$\u00C0-\uD7FF\uE000-\uFFFF]*/,
  categories: [Identifier],
  label: 'a name',
});

function punctuation(name: string, pattern: RegExp, text: string, categories: TokenType[] = []) {
  return createToken({ name, pattern, label: `\`${text}\``, categories: [AnyCode, ...categories] });
}

/** `===` */
export const StrictEqual = punctuation('StrictEqual', /===/, '===', [CompareOp]);
/** `!==` */
export const StrictNotEqual = punctuation('StrictNotEqual', /!==/, '!==', [CompareOp]);
/** `==` */
export const Equal = punctuation('Equal', /==/, '==', [CompareOp]);
/** `!=` */
export const NotEqual = punctuation('NotEqual', /!=/, '!=', [CompareOp]);
/** `<=` */
export const LessEqual = punctuation('LessEqual', /<=/, '<=', [CompareOp]);
/** `>=` */
export const GreaterEqual = punctuation('GreaterEqual', />=/, '>=', [CompareOp]);
/** `<` */
export const Less = punctuation('Less', /</, '<', [CompareOp]);
/** `>` */
export const Greater = punctuation('Greater', />/, '>', [CompareOp]);
/** `**` */
export const Power = punctuation('Power', /\*\*/, '**', [ChainOperator]);
/** `*` */
export const Star = punctuation('Star', /\*/, '*', [ChainOperator]);
/** `//` */
export const FloorDivide = punctuation('FloorDivide', /\/\//, '//', [ChainOperator]);
/** `/` */
export const Slash = punctuation('Slash', /\//, '/', [ChainOperator]);
/** `%` */
export const Percent = punctuation('Percent', /%/, '%', [ChainOperator]);
/** `+`: arithmetic, or the composition operator at the top level of a call block. */
export const Plus = punctuation('Plus', /\+/, '+', [BinaryOperator, SignOp]);
/** `-` */
export const Minus = punctuation('Minus', /-/, '-', [ChainOperator, SignOp]);
/** `~` */
export const Tilde = punctuation('Tilde', /~/, '~', [ChainOperator]);
/** `=` */
export const Assign = punctuation('Assign', /=/, '=');
/** `|` */
export const Pipe = punctuation('Pipe', /\|/, '|');
/** `,` */
export const Comma = punctuation('Comma', /,/, ',');
/** `:` */
export const Colon = punctuation('Colon', /:/, ':');
/** `.` */
export const Dot = punctuation('Dot', /\./, '.');
/** `(` */
export const LParen = punctuation('LParen', /\(/, '(');
/** `)` */
export const RParen = punctuation('RParen', /\)/, ')');
/** `[` */
export const LBracket = punctuation('LBracket', /\[/, '[');
/** `]` */
export const RBracket = punctuation('RBracket', /\]/, ']');
/** `{` */
export const LBrace = punctuation('LBrace', /\{/, '{');
/** `}` */
export const RBrace = punctuation('RBrace', /\}/, '}');

// ---------------------------------------------------------------------------------------------
// Modes
// ---------------------------------------------------------------------------------------------

/** The tokens of the three code modes, after each mode's closer. */
export const codeTokens: TokenType[] = [
  RawBlockInCode,
  CommentInCode,
  TagOpenInCode,
  OutputOpenInCode,
  CallOpenInCode,
  Whitespace,
  StringLiteral,
  NumberLiteral,
  RegexLiteral,
  Name,
  StrictEqual,
  StrictNotEqual,
  Equal,
  NotEqual,
  LessEqual,
  GreaterEqual,
  Less,
  Greater,
  Power,
  Star,
  FloorDivide,
  Slash,
  Percent,
  Plus,
  Minus,
  Tilde,
  Assign,
  Pipe,
  Comma,
  Colon,
  Dot,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
];

/** The lexer modes; the closer comes first so `-%}` wins over `-`. */
export const lexerDefinition: IMultiModeLexerDefinition = {
  modes: {
    text: [
      Bom,
      FrontMatter,
      RawBlockInText,
      CommentInText,
      TagOpenInText,
      OutputOpenInText,
      CallOpenInText,
      StrayCommentClose,
      Text,
    ],
    tag: [TagClose, ...codeTokens],
    output: [OutputClose, TagCloseInOutput, ...codeTokens],
    call: [CallClose, TagCloseInCall, ...codeTokens],
  },
  defaultMode: 'text',
};
