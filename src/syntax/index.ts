import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { TemplateNode } from './ast.js';
import { createBuildContext } from './build-context.js';
import { buildTemplate } from './build-template.js';
import type { TemplateCstNode } from './cst.generated.js';
import { lex } from './lexer.js';
import { getParser } from './parser.js';
import { syntaxErrors } from './syntax-errors.js';

export type * from './ast.js';
export { MAX_EXPRESSION_DEPTH } from './build-expressions.js';
export { MAX_BLOCK_DEPTH } from './build-template.js';
export { MAX_NESTING } from './parser.js';

/** Options of parse(). */
export interface ParseOptions {
  /** The file name diagnostics carry; `<input>` by default. */
  path?: string;
}

/** What parse() returns: the AST (partial where the text is broken) and every problem found. */
export interface ParseResult {
  ast: TemplateNode;
  diagnostics: Diagnostic[];
}

/**
 * Parses a `.ot` file. Never throws: on broken input the AST keeps everything that parsed
 * (a MissingExpr where an expression is missing) and the diagnostics say what is wrong, with
 * UTF-16 offset spans into the whole text (front matter included), sorted by position.
 */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  const path = options.path ?? '<input>';
  try {
    const lexed = lex(text, path);
    const parser = getParser();
    const cst = parser.parseTokens(lexed.tokens) as TemplateCstNode;
    const ctx = createBuildContext(path, text);
    const ast = buildTemplate(cst, text, ctx);
    const diagnostics = [
      ...lexed.diagnostics,
      ...syntaxErrors(parser, path, text.length),
      ...ctx.diagnostics,
    ];
    diagnostics.sort((a, b) => a.span.start - b.span.start);
    return { ast, diagnostics };
  } catch (error) {
    // Unreachable by design; an editor calls parse() on every keystroke, so even a bug in the
    // parser must surface as a diagnostic rather than an exception.
    const reason = error instanceof Error ? error.message : String(error);
    const span = { start: 0, end: 0 };
    return {
      ast: { type: 'Template', frontMatter: null, body: [], span: { start: 0, end: text.length } },
      diagnostics: [createDiagnostic('OT1013', path, span, { reason })],
    };
  }
}
