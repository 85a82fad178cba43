/** One template's text with its path and a line index, built once and shared by every phase. */
export interface SourceFile {
  path: string;
  text: string;
  /** Offset at which each line starts; line 1 starts at 0. */
  lineStarts: number[];
}

/** A 1-based line and column (columns count UTF-16 code units, as editors and rustc do). */
export interface Position {
  line: number;
  column: number;
}

/** Builds a SourceFile; `\r\n`, `\n` and lone `\r` all end a line. */
export function createSourceFile(path: string, text: string): SourceFile {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) lineStarts.push(i + 1);
    else if (ch === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      lineStarts.push(i + 1);
    }
  }
  return { path, text, lineStarts };
}

/** The line and column of an offset (clamped into the file). */
export function positionAt(file: SourceFile, offset: number): Position {
  const clamped = Math.max(0, Math.min(offset, file.text.length));
  let low = 0;
  let high = file.lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (file.lineStarts[mid]! <= clamped) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: clamped - file.lineStarts[low]! + 1 };
}

/** The offset of a 1-based line and column (clamped into the file). */
export function offsetAt(file: SourceFile, position: Position): number {
  const lineIndex = Math.max(0, Math.min(position.line - 1, file.lineStarts.length - 1));
  const lineStart = file.lineStarts[lineIndex]!;
  const lineEnd =
    lineIndex + 1 < file.lineStarts.length ? file.lineStarts[lineIndex + 1]! : file.text.length;
  return Math.min(lineStart + Math.max(0, position.column - 1), lineEnd);
}

/** `path:line:col` of an offset, the form every error message uses. */
export function formatLocation(file: SourceFile, offset: number): string {
  const { line, column } = positionAt(file, offset);
  return `${file.path}:${line}:${column}`;
}
