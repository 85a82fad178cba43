import { capDiagnostics, type CappedDiagnostics } from '../diagnostics/diagnostic-cap.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { TemplateNode } from './ast.js';
import { createBuildContext } from './build-context.js';
import { buildTemplate } from './build-template.js';
import type { TemplateCstNode } from './cst.generated.js';
import { lex } from './lexer.js';
import { sourceTooLarge } from './source-limits.js';
import { getParser } from './parser.js';
import { syntaxErrors } from './syntax-errors.js';

export type * from './ast.js';
export { MAX_EXPRESSION_DEPTH } from './build-expressions.js';
export { MAX_BLOCK_DEPTH } from './build-template.js';
export { MAX_NESTING } from './parser.js';
export { MAX_SOURCE_LENGTH, MAX_TOKENS } from './source-limits.js';

/** Options of parse(). */
export interface ParseOptions {
  /** The file name diagnostics carry; `<input>` by default. */
  path?: string;
}

/**
 * What parse() returns: the AST (partial where the text is broken) and the problems found: the
 * first MAX_DIAGNOSTICS_PER_FILE in source order, then one OT1014/OT1015 note counting the rest.
 */
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
    const tooLarge = sourceTooLarge(text, path);
    if (tooLarge !== undefined) return refused(text, tooLarge);
    const lexed = lex(text, path);
    if (lexed.tooManyTokens !== undefined) return refused(text, lexed.tooManyTokens);
    const parser = getParser();
    const cst = parser.parseTokens(lexed.tokens) as TemplateCstNode;
    const ctx = createBuildContext(path, text);
    const ast = buildTemplate(cst, text, ctx);
    const diagnostics = mergeCapped(
      [lexed.diagnostics, syntaxErrors(parser, path, text.length), ctx.diagnostics],
      path,
    );
    return { ast, diagnostics };
  } catch (error) {
    // Unreachable by design; an editor calls parse() on every keystroke, so even a bug in the
    // parser must surface as a diagnostic rather than an exception.
    const reason = error instanceof Error ? error.message : String(error);
    const span = { start: 0, end: 0 };
    return refused(text, createDiagnostic('OT1013', path, span, { reason }));
  }
}

/** An empty AST over the whole text with the one diagnostic saying why it was not parsed. */
function refused(text: string, diagnostic: Diagnostic): ParseResult {
  return {
    ast: { type: 'Template', frontMatter: null, body: [], span: { start: 0, end: text.length } },
    diagnostics: [diagnostic],
  };
}

/**
 * The phases' capped lists as one, in source order, capped again: each phase kept the first
 * problems it reported (mostly in source order), and the note counts all the others.
 */
function mergeCapped(lists: CappedDiagnostics[], path: string): Diagnostic[] {
  const kept = lists.flatMap((list) => list.kept);
  kept.sort((a, b) => a.span.start - b.span.start);
  const hidden = { error: 0, warning: 0, info: 0 };
  for (const list of lists) {
    hidden.error += list.hidden.error;
    hidden.warning += list.hidden.warning;
    hidden.info += list.hidden.info;
  }
  return capDiagnostics(kept, path, undefined, hidden);
}
