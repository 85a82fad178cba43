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
