import pc from 'picocolors';
import { positionAt, type SourceFile } from '../source/source-file.js';
import type { Diagnostic } from './diagnostic.js';

/** Options of the code-frame printer. */
export interface PrintOptions {
  /** Use ANSI colours; the CLI passes true only when stderr is a terminal. */
  color: boolean;
  /** Lines of context above the error line. */
  contextLines?: number;
}

/** Looks up a file's text by path so that diagnostics in included files print their own frame. */
export type SourceLookup = (path: string) => SourceFile | undefined;

/**
 * Prints one diagnostic in the style of rustc and esbuild:
 *
 *   flow.ot:3:14: error OT1001: unexpected `>>`; expected an expression
 *      3 | Who is << = generate_text() >>
 *        |              ^^
 */
export function printDiagnostic(
  diagnostic: Diagnostic,
  lookup: SourceLookup,
  options: PrintOptions,
): string {
  const colors = pc.createColors(options.color);
  const file = lookup(diagnostic.file);
  const severityColor =
    diagnostic.severity === 'error'
      ? colors.red
      : diagnostic.severity === 'warning'
        ? colors.yellow
        : colors.blue;
  if (!file) {
    return `${diagnostic.file}: ${severityColor(`${diagnostic.severity} ${diagnostic.code}`)}: ${diagnostic.message}`;
  }
  const start = positionAt(file, diagnostic.span.start);
  const end = positionAt(file, diagnostic.span.end);
  const header = `${colors.bold(`${file.path}:${start.line}:${start.column}`)}: ${severityColor(
    colors.bold(`${diagnostic.severity} ${diagnostic.code}`),
  )}: ${colors.bold(diagnostic.message)}`;

  const contextLines = options.contextLines ?? 1;
  const firstLine = Math.max(1, start.line - contextLines);
  const gutterWidth = String(start.line).length;
  const lines: string[] = [header];
  for (let line = firstLine; line <= start.line; line++) {
    const text = lineText(file, line);
    lines.push(`${colors.dim(`${String(line).padStart(gutterWidth + 2)} |`)} ${visible(text)}`);
  }
  const lineLength = lineText(file, start.line).length;
  const caretStart = start.column - 1;
  // A span that runs past its first line is underlined to that line's end.
  const caretEnd = end.line === start.line ? end.column - 1 : lineLength;
  const width = Math.max(1, caretEnd - caretStart);
  const prefix = visible(lineText(file, start.line).slice(0, caretStart)).replace(/[^\t]/g, ' ');
  lines.push(
    `${colors.dim(`${' '.repeat(gutterWidth + 2)} |`)} ${prefix}${severityColor('^'.repeat(width))}`,
  );
  return lines.join('\n');
}

/** Prints several diagnostics separated by blank lines, followed by a count. */
export function printDiagnostics(
  diagnostics: readonly Diagnostic[],
  lookup: SourceLookup,
  options: PrintOptions,
): string {
  return diagnostics.map((d) => printDiagnostic(d, lookup, options)).join('\n\n');
}

function lineText(file: SourceFile, line: number): string {
  const start = file.lineStarts[line - 1] ?? file.text.length;
  const next = file.lineStarts[line];
  const raw = file.text.slice(start, next ?? file.text.length);
  return raw.replace(/\r?\n$|\r$/, '');
}

/** Control characters would garble a terminal; show them as escapes of the same width. */
function visible(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '\u00b7');
}
