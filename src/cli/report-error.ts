import { existsSync, readFileSync } from 'node:fs';
import { isOtError } from '../diagnostics/ot-error.js';
import { printDiagnostics } from '../diagnostics/printer.js';
import { createSourceFile, type SourceFile } from '../source/source-file.js';
import type { CliIO } from './io.js';

/**
 * Prints an error for people: an OtError as `file:line:col` diagnostics with code frames (the
 * files are read from `sources`, else from disk), anything else as one line. Stack traces only
 * with `--verbose`. A `label` (`row 17`) starts the first line, so a row's failure is traceable.
 */
export function reportError(
  io: CliIO,
  error: unknown,
  sources: Record<string, SourceFile>,
  verbose: boolean,
  label?: string,
): void {
  const prefix = label ? `${label}: ` : '';
  if (isOtError(error)) {
    const lookup = (path: string): SourceFile | undefined => {
      const known = sources[path];
      if (known) return known;
      if (!existsSync(path)) return undefined;
      const file = createSourceFile(path, readFileSync(path, 'utf8'));
      sources[path] = file;
      return file;
    };
    io.stderr(
      `${prefix}${printDiagnostics(error.diagnostics, lookup, { color: io.stderrColor })}\n`,
    );
  } else {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`ot: error: ${prefix}${message}\n`);
  }
  if (verbose && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
}
