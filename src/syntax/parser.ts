import type { CstNode, IToken, TokenType } from 'chevrotain';
import { CstParser, tokenMatcher } from './chevrotain.js';
import { parserErrorMessages } from './parser-errors.js';
import {
  AnyCode,
  Assign,
  BinaryOperator,
  CallClose,
  CallOpen,
  ChainOperator,
  Colon,
  Comma,
  Comment,
  Dot,
  FrontMatter,
  Identifier,
  LBrace,
  LBracket,
  LParen,
  Name,
  NumberLiteral,
  OutputClose,
  OutputOpen,
  Pipe,
  Plus,
  PropertyName,
  RBrace,
  RBracket,
  RParen,
  RawBlock,
  RegexLiteral,
  SignOp,
  StrayCommentClose,
  StringLiteral,
  TagClose,
  TagOpen,
  Text,
} from './tokens.js';
import {
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
  InKeyword,
  IncludeKeyword,
  IsKeyword,
  MacroKeyword,
  MissingKeyword,
  NoneKeyword,
  NotKeyword,
  RawKeyword,
  RoleKeyword,
  SetKeyword,
  TrueKeyword,
  UnsupportedKeyword,
} from './keyword-tokens.js';
import { allTokenTypes } from './vocabulary.js';

/**
 * How deeply expressions may nest (brackets, calls, …) before the parser stops descending.
 * Chevrotain spends about sixty small stack frames per level, so 100 levels leave most of
 * Node's default stack to the caller (an editor, a test runner) while no real template comes
 * near the limit.
 */
export const MAX_NESTING = 100;

/** A syntax error the grammar finds itself: tokens left over where a closer was expected. */
export interface StrayTokens {
  /** The first token that does not belong. */
  first: IToken;
  /** The last token of the run, where parsing resumes after it. */
  last: IToken;
  /** What was expected instead, in plain words. */
  expected: string;
}

/** Where the parser gave up descending because expressions nested deeper than MAX_NESTING. */
export interface TooDeep {
  at: IToken;
}

/**
 * The grammar of `.ot` files. Rules only: no AST, no diagnostics text. The template is a flat
 * sequence of items (text, comments, `{{ }}`, `<< >>` and single `{% %}` tags); pairing block
 * tags with their end tags happens in the tree builder, so nesting of tags never recurses here.
 *
 * Expression rules follow nunjucks' parser levels (inline if; or/and; not; in; is; comparisons;
 * arithmetic; unary with filters; postfix; primary). Arithmetic operators are parsed as one
 * flat chain and grouped by the AST builder, which mirrors how nunjucks evaluates them.
 */
export class OtParser extends CstParser {
  /** Tokens skipped because they did not fit; reported by the AST builder. */
  strayTokens: StrayTokens[] = [];
  /** Places where nesting exceeded MAX_NESTING. */
  tooDeep: TooDeep[] = [];
  private nesting = 0;

  /**
   * `validate` checks the grammar (ambiguities, left recursion) while recording it: a test does,
   * and the shared instance skips it, which is a fifth of a run's start-up.
   */
  constructor(options: { validate?: boolean } = {}) {
    super(allTokenTypes, {
      recoveryEnabled: true,
      maxLookahead: 2,
      errorMessageProvider: parserErrorMessages,
      skipValidations: options.validate !== true,
    });
    this.performSelfAnalysis();
  }

  /** Parses a token stream; the CST may be partial, and errors land in `errors`. */
  parseTokens(tokens: IToken[]): CstNode {
    this.strayTokens = [];
    this.tooDeep = [];
    this.nesting = 0;
    this.input = tokens;
    // Chevrotain throws an Error for each syntax error to unwind to its recovery point, and V8
    // captures a stack trace for each: most of the time spent on a file full of errors. The
    // traces are never read, so none are captured while parsing.
    const traceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return this.template();
    } finally {
      Error.stackTraceLimit = traceLimit;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Template structure
  //
  // Chevrotain allocates nothing per call when a rule passes it prebuilt closures and
  // alternative arrays, so the rules that run once per token or per item use the `*Step` and
  // `*Alternatives` fields declared next to them instead of inline arrow functions.
  // -------------------------------------------------------------------------------------------

  /**
   * The whole file: a sequence of items. The items are alternatives of one loop rather than a
   * rule of their own (one CST node fewer per item); the AST builder puts them back in source
   * order by offset.
   */
  template = this.RULE('template', () => {
    this.MANY(this.itemStep);
  });
  private readonly itemStep = () => this.OR(this.itemAlternatives);
  private readonly itemAlternatives = [
    { ALT: () => this.CONSUME(Text) },
    { ALT: () => this.SUBRULE(this.output) },
    { ALT: () => this.SUBRULE(this.tag) },
    { ALT: () => this.SUBRULE(this.callBlock) },
    { ALT: () => this.CONSUME(Comment) },
    { ALT: () => this.CONSUME(RawBlock) },
    { ALT: () => this.CONSUME(FrontMatter) },
    { ALT: () => this.CONSUME(StrayCommentClose) },
  ];

  /** `{{ expression }}` */
  output = this.RULE('output', () => {
    this.CONSUME(OutputOpen);
    const parsed = this.OPTION(this.outputExpression);
    this.ACTION(() =>
      this.skipStray(parsed === undefined ? 'an expression' : '`}}`', parsed === undefined),
    );
    this.CONSUME(OutputClose);
  });
  private readonly outputExpression = () => this.SUBRULE(this.expression);

  /**
   * `<< [name =] term + term … >>`. A term is an expression whose top-level chain has no `+`,
   * so `+` binds loosest and separates the terms; inside brackets it is arithmetic again.
   */
  callBlock = this.RULE('callBlock', () => {
    this.CONSUME(CallOpen);
    this.OPTION(() => {
      this.CONSUME(Identifier, { LABEL: 'target' });
      this.CONSUME(Assign);
    });
    const parsed = this.OPTION2(() => {
      this.SUBRULE(this.term, { LABEL: 'terms' });
      this.MANY(() => {
        this.CONSUME(Plus);
        this.SUBRULE2(this.term, { LABEL: 'terms' });
      });
      return true;
    });
    this.ACTION(() =>
      this.skipStray(parsed === undefined ? 'an expression' : '`+` or `>>`', parsed === undefined),
    );
    this.CONSUME(CallClose);
  });

  /** One `{% … %}` tag; which tags open, continue or close blocks is the tree builder's business. */
  tag = this.RULE('tag', () => {
    this.CONSUME(TagOpen);
    const parsed = this.OPTION(this.tagBody);
    this.ACTION(() =>
      this.skipStray(parsed === undefined ? 'a tag name' : '`%}`', parsed === undefined),
    );
    this.CONSUME(TagClose);
  });
  private readonly tagBody = () => this.OR(this.tagAlternatives);
  private readonly tagAlternatives = [
    { ALT: () => this.SUBRULE(this.ifTag) },
    { ALT: () => this.SUBRULE(this.elifTag) },
    { ALT: () => this.SUBRULE(this.elseTag) },
    { ALT: () => this.SUBRULE(this.endTag) },
    { ALT: () => this.SUBRULE(this.forTag) },
    { ALT: () => this.SUBRULE(this.setTag) },
    { ALT: () => this.SUBRULE(this.includeTag) },
    { ALT: () => this.SUBRULE(this.macroTag) },
    { ALT: () => this.SUBRULE(this.callTag) },
    { ALT: () => this.SUBRULE(this.filterTag) },
    { ALT: () => this.SUBRULE(this.forkTag) },
    { ALT: () => this.SUBRULE(this.branchTag) },
    { ALT: () => this.SUBRULE(this.roleTag) },
    { ALT: () => this.SUBRULE(this.rawTag) },
    { ALT: () => this.SUBRULE(this.unsupportedTag) },
    { ALT: () => this.SUBRULE(this.unknownTag) },
  ];

  ifTag = this.RULE('ifTag', () => {
    this.CONSUME(IfKeyword);
    this.SUBRULE(this.expression);
  });

  elifTag = this.RULE('elifTag', () => {
    this.CONSUME(ElifKeyword);
    this.SUBRULE(this.expression);
  });

  elseTag = this.RULE('elseTag', () => {
    this.CONSUME(ElseKeyword);
  });

  endTag = this.RULE('endTag', () => {
    this.CONSUME(EndKeyword);
  });

  /** `for a, b in iterable` */
  forTag = this.RULE('forTag', () => {
    this.CONSUME(ForKeyword);
    this.CONSUME(Identifier, { LABEL: 'targets' });
    this.MANY(() => {
      this.CONSUME(Comma);
      this.CONSUME2(Identifier, { LABEL: 'targets' });
    });
    this.CONSUME(InKeyword);
    this.SUBRULE(this.expression);
  });

  /** `set a, b = value`, or `set a` opening a capture block. */
  setTag = this.RULE('setTag', () => {
    this.CONSUME(SetKeyword);
    this.CONSUME(Identifier, { LABEL: 'targets' });
    this.MANY(() => {
      this.CONSUME(Comma);
      this.CONSUME2(Identifier, { LABEL: 'targets' });
    });
    this.OPTION(() => {
      this.CONSUME(Assign);
      this.SUBRULE(this.expression);
    });
  });

  /** `include template [ignore missing]` */
  includeTag = this.RULE('includeTag', () => {
    this.CONSUME(IncludeKeyword);
    this.SUBRULE(this.expression);
    this.OPTION(() => {
      this.CONSUME(IgnoreKeyword);
      this.CONSUME(MissingKeyword);
    });
  });

  /** `macro name(params)` */
  macroTag = this.RULE('macroTag', () => {
    this.CONSUME(MacroKeyword);
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.SUBRULE(this.macroParams);
  });

  /** `call(params) macro(args)` */
  callTag = this.RULE('callTag', () => {
    this.CONSUME(CallKeyword);
    this.OPTION(() => this.SUBRULE(this.macroParams));
    this.SUBRULE(this.operand);
  });

  /** `filter name(args)` */
  filterTag = this.RULE('filterTag', () => {
    this.CONSUME(FilterKeyword);
    this.CONSUME(Identifier);
    this.MANY(() => {
      this.CONSUME(Dot);
      this.CONSUME2(Identifier);
    });
    this.OPTION(() => this.SUBRULE(this.parenArgs));
  });

  forkTag = this.RULE('forkTag', () => {
    this.CONSUME(ForkKeyword);
  });

  branchTag = this.RULE('branchTag', () => {
    this.CONSUME(BranchKeyword);
  });

  /** `role "system"` */
  roleTag = this.RULE('roleTag', () => {
    this.CONSUME(RoleKeyword);
    this.SUBRULE(this.expression);
  });

  /** `raw`/`verbatim` that the lexer could not read as a raw block (e.g. with arguments). */
  rawTag = this.RULE('rawTag', () => {
    this.CONSUME(RawKeyword);
  });

  /** A nunjucks tag `.ot` does not support; its arguments are skipped. */
  unsupportedTag = this.RULE('unsupportedTag', () => {
    this.CONSUME(UnsupportedKeyword);
    this.ACTION(() => this.skipSilently());
  });

  /** A tag nobody knows; its arguments are skipped. */
  unknownTag = this.RULE('unknownTag', () => {
    this.CONSUME(Name);
    this.ACTION(() => this.skipSilently());
  });

  /** `(a, b=1)` of a macro or of a call block's caller. */
  macroParams = this.RULE('macroParams', () => {
    this.CONSUME(LParen);
    this.OPTION(() => {
      this.SUBRULE(this.macroParam);
      this.MANY(() => {
        this.CONSUME(Comma);
        this.SUBRULE2(this.macroParam);
      });
    });
    this.CONSUME(RParen);
  });

  macroParam = this.RULE('macroParam', () => {
    this.CONSUME(Identifier);
    this.OPTION(() => {
      this.CONSUME(Assign);
      this.SUBRULE(this.expression);
    });
  });

  // -------------------------------------------------------------------------------------------
  // Expressions
  // -------------------------------------------------------------------------------------------

  /**
   * `a op b op c [if test [else otherwise]]`: a flat chain of operands and binary operators,
   * grouped by precedence in the AST builder.
   */
  expression = this.RULE('expression', () => {
    // Checked before descending, so that no input can overflow the stack.
    if (!this.RECORDING_PHASE && this.nesting >= MAX_NESTING) {
      this.ACTION(() => this.skipTooDeep());
      return;
    }
    this.nesting++;
    try {
      this.SUBRULE(this.operand);
      this.MANY(this.expressionStep);
      this.OPTION(this.inlineIf);
    } finally {
      this.nesting--;
    }
  });
  private readonly expressionStep = () => {
    this.CONSUME(BinaryOperator);
    this.SUBRULE2(this.operand);
  };
  private readonly inlineIf = () => {
    this.CONSUME(IfKeyword);
    this.SUBRULE(this.condition, { LABEL: 'test' });
    this.OPTION2(this.inlineElse);
  };
  private readonly inlineElse = () => {
    this.CONSUME(ElseKeyword);
    this.SUBRULE2(this.condition, { LABEL: 'otherwise' });
  };

  /** The test and the else part of an inline if: a chain without its own `if` (as in nunjucks). */
  condition = this.RULE('condition', () => {
    this.SUBRULE(this.operand);
    this.MANY(this.conditionStep);
  });
  private readonly conditionStep = () => {
    this.CONSUME(BinaryOperator);
    this.SUBRULE2(this.operand);
  };

  /** A term of a call block: an expression whose top-level chains have no `+`. */
  term = this.RULE('term', () => {
    this.SUBRULE(this.operand);
    this.MANY(() => {
      this.CONSUME(ChainOperator);
      this.SUBRULE2(this.operand);
    });
    this.OPTION(() => {
      this.CONSUME(IfKeyword);
      this.SUBRULE(this.termCondition, { LABEL: 'test' });
      this.OPTION2(() => {
        this.CONSUME(ElseKeyword);
        this.SUBRULE2(this.termCondition, { LABEL: 'otherwise' });
      });
    });
  });

  /** The test and the else part of an inline if inside a term. */
  termCondition = this.RULE('termCondition', () => {
    this.SUBRULE(this.operand);
    this.MANY(() => {
      this.CONSUME(ChainOperator);
      this.SUBRULE2(this.operand);
    });
  });

  /**
   * One operand of a chain with its prefixes and suffixes:
   * `not… -… primary .name[index](args)… | filter… is [not] test(args)`.
   */
  operand = this.RULE('operand', () => {
    this.MANY(this.prefixStep);
    this.OR({ DEF: this.primaryAlternatives, ERR_MSG: 'an expression' });
    this.MANY2(this.suffixStep);
    this.OPTION(this.testSuffix);
  });
  // One loop for `not` and signs, one for `.name`, `[index]`, `(args)` and `| filter`: every
  // loop costs a lookahead even when it runs zero times. The AST builder orders the suffixes
  // by offset and rejects a `not` after a sign.
  private readonly prefixStep = () => this.OR2(this.prefixAlternatives);
  private readonly prefixAlternatives = [
    { ALT: () => this.CONSUME(NotKeyword) },
    { ALT: () => this.CONSUME(SignOp) },
  ];
  private readonly suffixStep = () => this.OR3(this.suffixAlternatives);
  private readonly suffixAlternatives = [
    {
      ALT: () => {
        this.CONSUME(Dot);
        this.CONSUME(PropertyName);
      },
    },
    { ALT: () => this.SUBRULE(this.subscript) },
    { ALT: () => this.SUBRULE2(this.parenArgs) },
    { ALT: () => this.SUBRULE(this.filter) },
  ];
  private readonly primaryAlternatives = [
    { ALT: () => this.CONSUME(Identifier) },
    { ALT: () => this.CONSUME(StringLiteral) },
    { ALT: () => this.CONSUME(NumberLiteral) },
    { ALT: () => this.CONSUME(TrueKeyword) },
    { ALT: () => this.CONSUME(FalseKeyword) },
    { ALT: () => this.CONSUME(NoneKeyword) },
    { ALT: () => this.CONSUME(RegexLiteral) },
    { ALT: () => this.SUBRULE(this.parenExpr) },
    { ALT: () => this.SUBRULE(this.listExpr) },
    { ALT: () => this.SUBRULE(this.dictExpr) },
  ];
  private readonly testSuffix = () => {
    this.CONSUME(IsKeyword);
    this.OPTION2(() => this.CONSUME2(NotKeyword, { LABEL: 'negation' }));
    this.OR4({
      DEF: [
        { ALT: () => this.CONSUME2(Identifier, { LABEL: 'test' }) },
        { ALT: () => this.CONSUME2(NoneKeyword, { LABEL: 'test' }) },
        { ALT: () => this.CONSUME2(TrueKeyword, { LABEL: 'test' }) },
        { ALT: () => this.CONSUME2(FalseKeyword, { LABEL: 'test' }) },
      ],
      ERR_MSG: 'a test name',
    });
    this.OPTION3(() => this.SUBRULE(this.parenArgs, { LABEL: 'testArgs' }));
  };

  /** `| name(args)` */
  filter = this.RULE('filter', () => {
    this.CONSUME(Pipe);
    this.CONSUME(Identifier);
    this.MANY(this.filterNamePart);
    this.OPTION(this.filterArgs);
  });
  private readonly filterNamePart = () => {
    this.CONSUME(Dot);
    this.CONSUME2(Identifier);
  };
  private readonly filterArgs = () => this.SUBRULE(this.parenArgs);

  /** `[index]` or `[start:stop:step]` */
  subscript = this.RULE('subscript', () => {
    this.CONSUME(LBracket);
    this.OPTION(() => this.SUBRULE(this.expression, { LABEL: 'start' }));
    this.OPTION2(() => {
      this.CONSUME(Colon, { LABEL: 'firstColon' });
      this.OPTION3(() => this.SUBRULE2(this.expression, { LABEL: 'stop' }));
      this.OPTION4(() => {
        this.CONSUME2(Colon, { LABEL: 'secondColon' });
        this.OPTION5(() => this.SUBRULE3(this.expression, { LABEL: 'step' }));
      });
    });
    this.CONSUME(RBracket);
  });

  /** `(a, b, name=c)` */
  parenArgs = this.RULE('parenArgs', () => {
    this.CONSUME(LParen);
    this.OPTION(this.argumentList);
    this.CONSUME(RParen);
  });
  private readonly argumentList = () => {
    this.SUBRULE(this.argument);
    this.MANY(this.nextArgument);
  };
  private readonly nextArgument = () => {
    this.CONSUME(Comma);
    this.SUBRULE2(this.argument);
  };

  argument = this.RULE('argument', () => {
    this.OPTION(this.keywordName);
    this.SUBRULE(this.expression);
  });
  private readonly keywordName = () => {
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.CONSUME(Assign);
  };

  /** `(a)` groups; `(a, b)` is a tuple. */
  parenExpr = this.RULE('parenExpr', () => {
    this.CONSUME(LParen);
    this.OPTION(() => {
      this.SUBRULE(this.expression);
      this.MANY(() => {
        this.CONSUME(Comma);
        this.SUBRULE2(this.expression);
      });
    });
    this.CONSUME(RParen);
  });

  listExpr = this.RULE('listExpr', () => {
    this.CONSUME(LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.expression);
      this.MANY(() => {
        this.CONSUME(Comma);
        this.SUBRULE2(this.expression);
      });
    });
    this.CONSUME(RBracket);
  });

  dictExpr = this.RULE('dictExpr', () => {
    this.CONSUME(LBrace);
    this.OPTION(() => {
      this.SUBRULE(this.dictEntry);
      this.MANY(() => {
        this.CONSUME(Comma);
        this.SUBRULE2(this.dictEntry);
      });
    });
    this.CONSUME(RBrace);
  });

  /** `"key": value` or `key: value` (a bare name is a string key, as in nunjucks). */
  dictEntry = this.RULE('dictEntry', () => {
    this.OR({
      DEF: [
        { ALT: () => this.CONSUME(StringLiteral, { LABEL: 'key' }) },
        { ALT: () => this.CONSUME(Identifier, { LABEL: 'key' }) },
        { ALT: () => this.CONSUME(NumberLiteral, { LABEL: 'key' }) },
        { ALT: () => this.CONSUME(TrueKeyword, { LABEL: 'key' }) },
        { ALT: () => this.CONSUME(FalseKeyword, { LABEL: 'key' }) },
        { ALT: () => this.CONSUME(NoneKeyword, { LABEL: 'key' }) },
      ],
      ERR_MSG: 'a string or a name as dictionary key',
    });
    this.CONSUME(Colon);
    this.SUBRULE(this.expression);
  });

  /**
   * Chevrotain can recover by inventing the token it expected; such a token has no position
   * and no text, and the AST would inherit a name `""` with NaN offsets. Recovery by skipping
   * tokens and resynchronising is enough.
   */
  protected override canTokenTypeBeInsertedInRecovery(): boolean {
    return false;
  }

  /**
   * Chevrotain computes, before each single-token recovery, the tokens that may follow the
   * expected one by walking the grammar along the whole rule stack: recursion as deep as the
   * input's nesting, run again for every error. It serves only the insertion recovery turned
   * off above, so it is skipped (this overrides a chevrotain internal; the deep-nesting tests
   * fail if it stops taking effect).
   */
  getFollowsForInRuleRecovery(): TokenType[] {
    return [];
  }

  /**
   * Chevrotain gives each CST node a `children` object made with `Object.create(null)`, which
   * V8 keeps in slow dictionary mode: reading those children was most of the AST builder's
   * time. A plain object literal is several times faster to fill and to read. This overrides a
   * chevrotain internal; it is safe because no rule, token or label name is a property of
   * `Object.prototype` (checked in test/syntax/cst-types.test.ts).
   */
  cstInvocationStateUpdate(fullRuleName: string): void {
    (this as unknown as { CST_STACK: CstNode[] }).CST_STACK.push({
      name: fullRuleName,
      children: {},
    });
  }

  // -------------------------------------------------------------------------------------------
  // Helpers used from ACTIONs and GATEs (never during grammar recording).
  // -------------------------------------------------------------------------------------------

  /**
   * Skips code tokens up to the closer and records them as one error. When `empty` (the tag
   * has no content at all), the closer itself is what was unexpected.
   */
  private skipStray(expected: string, empty: boolean): void {
    const first = this.LA(1);
    if (!isCode(first)) {
      // An inserted closer (empty image) means an unclosed tag, reported as such.
      if (empty && first.image !== '') this.strayTokens.push({ first, last: first, expected });
      return;
    }
    let last = first;
    while (isCode(this.LA(1))) last = this.SKIP_TOKEN();
    this.strayTokens.push({ first, last, expected });
  }

  /** Skips the arguments of a tag that is reported as a whole. */
  private skipSilently(): void {
    while (isCode(this.LA(1))) this.SKIP_TOKEN();
  }

  /** Skips a too deeply nested expression up to the bracket, comma or colon that ends it. */
  private skipTooDeep(): void {
    const at = this.LA(1);
    let balance = 0;
    for (let next = at; isCode(next); next = this.LA(1)) {
      const type = next.tokenType;
      if (type === LParen || type === LBracket || type === LBrace) balance++;
      else if (type === RParen || type === RBracket || type === RBrace) {
        if (balance === 0) break;
        balance--;
      } else if (balance === 0 && (type === Comma || type === Colon)) break;
      this.SKIP_TOKEN();
    }
    this.tooDeep.push({ at });
  }
}

/** True for tokens that live between an opener and its closer (closers excluded). */
function isCode(token: IToken): boolean {
  return tokenMatcher(token, AnyCode);
}

let parser: OtParser | undefined;

/**
 * The one parser instance; building it analyses the grammar, so it happens once, without the
 * grammar checks (test/syntax/grammar-validation.test.ts runs them).
 */
export function getParser(): OtParser {
  parser ??= new OtParser();
  return parser;
}

/** Used by the CST type generator. */
export type { CstNode };
