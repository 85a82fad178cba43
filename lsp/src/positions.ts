import type { Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span } from './analysis/span.js';

/**
 * Spans (UTF-16 offsets) to LSP ranges: the one place where the server turns offsets into lines
 * and characters. LSP characters count UTF-16 code units by default, as our offsets do.
 */
export function rangeOf(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

/** The range of a span in a text that is not an open document (a file read from disk). */
export function rangeInText(text: string, span: Span): Range {
  const position = (offset: number) => {
    const before = text.slice(0, offset);
    const line = (before.match(/\r\n|\r|\n/g) ?? []).length;
    const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
    return { line, character: offset - lineStart };
  };
  return { start: position(span.start), end: position(span.end) };
}
