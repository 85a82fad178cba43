import pc from 'picocolors';
import { positionAt, type SourceFile } from '../source/source-file.js';
import type { Diagnostic } from './diagnostic.js';
import { lineWindow, windowText, type LineWindow } from './line-window.js';

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
 *
 * A long line is cut to a window around the span (see line-window.ts), so a frame is bounded
 * whatever the line's length.
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
  const caretStart = start.column - 1;
  const errorLine = lineBounds(file, start.line);
  // Every shown line is cut to the same columns, so the lines above stay aligned with the caret.
  const window = lineWindow(errorLine.length, caretStart);
  for (let line = firstLine; line <= start.line; line++) {
    const text = shownText(file, line, window);
    lines.push(`${colors.dim(`${String(line).padStart(gutterWidth + 2)} |`)} ${visible(text)}`);
  }
  // A span that runs past its first line (or past the window) is underlined to where it is cut.
  const caretEnd = Math.min(
    end.line === start.line ? end.column - 1 : errorLine.length,
    window.end,
  );
  const width = Math.max(1, caretEnd - caretStart);
  // Under the `…` that marks a cut line start goes one more space.
  const before = file.text.slice(errorLine.start + window.start, errorLine.start + caretStart);
  const prefix = `${window.start > 0 ? ' ' : ''}${visible(before).replace(/[^\t]/g, ' ')}`;
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

/** Where a line starts and how long it is, without its line break; nothing is copied. */
function lineBounds(file: SourceFile, line: number): { start: number; length: number } {
  const start = file.lineStarts[line - 1] ?? file.text.length;
  let end = file.lineStarts[line] ?? file.text.length;
  if (end > start && file.text.charCodeAt(end - 1) === 10) end--;
  if (end > start && file.text.charCodeAt(end - 1) === 13) end--;
  return { start, length: end - start };
}

/** The part of a line inside `window`, marked with `…` where the line is cut. */
function shownText(file: SourceFile, line: number, window: LineWindow): string {
  const { start, length } = lineBounds(file, line);
  return windowText(file.text, start, length, window);
}

/** Control characters would garble a terminal; show them as escapes of the same width. */
function visible(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '\u00b7');
}
