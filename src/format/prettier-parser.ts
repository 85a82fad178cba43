import type { Parser } from 'prettier';
import { parseForFormat, type FormatAstNode } from './parse-for-format.js';
import { formatRequestedRange } from './range-format.js';

/** The `ot` parser: our own parser, refusing files with syntax errors; spans give locations. */
export const otParser: Parser<FormatAstNode> = {
  astFormat: 'ot-ast',
  parse: (text, options) => parseForFormat(text, options.filepath),
  preprocess: formatRequestedRange,
  locStart: (node) => node.span.start,
  locEnd: (node) => node.span.end,
};
