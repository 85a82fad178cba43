import type { IToken } from 'chevrotain';
import { createCappedDiagnostics, type CappedDiagnostics } from '../diagnostics/diagnostic-cap.js';
import type { DiagnosticArgs } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/catalog.js';
import type { Span } from '../source/span.js';
import type { MissingExpr } from './ast.js';
import { describeToken } from './describe.js';
import { tokenSpan } from './token-spans.js';

/** What the CST → AST builders share: the file and where diagnostics go. */
export interface BuildContext {
  path: string;
  text: string;
  /** Capped: past the limit a report only counts, so broken files cost no more per problem. */
  diagnostics: CappedDiagnostics;
}

/** Creates an empty context for one file. */
export function createBuildContext(path: string, text: string): BuildContext {
  return { path, text, diagnostics: createCappedDiagnostics() };
}

/** Source text quoted for a message, shortened when long. */
export function quoteSource(ctx: BuildContext, span: Span): string {
  const source = ctx.text.slice(span.start, span.end);
  return `\`${source.length > 24 ? `${source.slice(0, 24)}…` : source}\``;
}

/** Reports a diagnostic from the catalog. */
export function report(
  ctx: BuildContext,
  code: DiagnosticCode,
  span: Span,
  args: DiagnosticArgs = {},
): void {
  ctx.diagnostics.report(code, ctx.path, span, args);
}

/** Reports OT1001 "unexpected <token>; expected <expected>". */
export function reportUnexpected(ctx: BuildContext, token: IToken, expected: string): void {
  report(ctx, 'OT1001', tokenSpan(token), { found: describeToken(token), expected });
}

/** A hole where an expression should be, at `offset`. */
export function missingAt(offset: number): MissingExpr {
  return { type: 'Missing', span: { start: offset, end: offset } };
}
