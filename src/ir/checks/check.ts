import type { Span } from '../../source/span.js';
import type { TemplateNode } from '../../syntax/ast.js';
import type { TemplateMeta } from '../ir.js';
import type { Report } from '../lower-context.js';

/**
 * What a semantic check sees. Checks read the AST rather than the IR because the AST keeps the
 * spans of names inside nodes (a filter's name, a keyword argument), so carets can be precise.
 */
export interface CheckContext {
  path: string;
  ast: TemplateNode;
  /** The lowered front matter. */
  meta: TemplateMeta;
  /** Where front matter `output:` names its variable. */
  outputSpan: Span | null;
  /** Builtin names that an input shadows. */
  shadowedBuiltins: ReadonlySet<string>;
  /** Names an including template makes visible (empty for a root or a `flow()` target). */
  ambientNames: readonly string[];
  report: Report;
}

/** One semantic check; it reports through the context and keeps going. */
export type TemplateCheck = (ctx: CheckContext) => void;
