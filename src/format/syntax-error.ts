import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createSourceFile, positionAt } from '../source/source-file.js';

/** A 1-based line and column, as prettier expects in a parse error's `loc`. */
interface ErrorPosition {
  line: number;
  column: number;
}

/**
 * The error the plugin's parser throws for a file with syntax errors. Prettier recognises a
 * parse error by its `loc` and prints it with a code frame; the file is not formatted.
 */
export class OtFormatSyntaxError extends SyntaxError {
  readonly loc: { start: ErrorPosition; end: ErrorPosition };
  /** Every syntax error of the file, for callers that print them themselves (`ot fmt`). */
  readonly diagnostics: readonly Diagnostic[];

  constructor(errors: readonly Diagnostic[], text: string) {
    const first = errors[0]!;
    const file = createSourceFile(first.file, text);
    const start = positionAt(file, first.span.start);
    const end = positionAt(file, first.span.end);
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more syntax errors)` : '';
    super(`${first.code}: ${first.message}${more} (${start.line}:${start.column})`);
    this.name = 'SyntaxError';
    this.loc = { start, end };
    this.diagnostics = errors;
  }
}
