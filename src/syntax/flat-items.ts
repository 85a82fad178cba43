import type {
  CallExpr,
  Expr,
  Identifier,
  KeywordArg,
  MacroParam,
  Node,
  TagDelimiter,
  TextNode,
} from './ast.js';

/**
 * The template as a flat sequence, before block tags are paired with their end tags: what the
 * CST builders produce and what whitespace control and the tree builder consume.
 */

/** What an opening tag says, kept until its block is complete. */
export type BlockOpening =
  | { type: 'If'; test: Expr }
  | { type: 'For'; targets: Identifier[]; iterable: Expr }
  | { type: 'SetBlock'; targets: Identifier[] }
  | { type: 'Macro'; name: Identifier; params: MacroParam[] }
  | { type: 'CallTag'; callerParams: MacroParam[]; call: CallExpr }
  | { type: 'FilterBlock'; name: Identifier; args: Expr[]; kwargs: KeywordArg[] }
  | { type: 'Fork' }
  | { type: 'Branch' }
  | { type: 'Role'; role: Expr }
  | { type: 'UnsupportedTag'; name: string };

/** Whitespace control of an item: does it trim the text before it, and the text after it? */
export interface Trimming {
  trimBefore: boolean;
  trimAfter: boolean;
}

/** One item of the flat sequence. */
export type FlatItem =
  /** Template text; its value is the raw text until whitespace control trims it. */
  | { kind: 'text'; node: TextNode }
  /** A complete node: output, comment, call block, raw block, single tag. */
  | ({ kind: 'node'; node: Node } & Trimming)
  /** A tag that opens a block closed by `end`. */
  | ({ kind: 'open'; opening: BlockOpening; end: string; tag: TagDelimiter } & Trimming)
  /** `elif`/`elseif` (with its test) or `else` (test null). */
  | ({ kind: 'middle'; tag: TagDelimiter; test: Expr | null } & Trimming)
  /** An end tag such as `endif`. */
  | ({ kind: 'end'; tag: TagDelimiter } & Trimming)
  /** Something already reported and left out of the AST (an unknown tag, stray code). */
  | ({ kind: 'skipped' } & Trimming);
