import type { Plugin } from 'prettier';
import { languages } from './language.js';
import type { FormatAstNode } from './parse-for-format.js';
import { otParser } from './prettier-parser.js';
import { otPrinter } from './printer.js';

/** Parsers by name: `ot`. */
export const parsers = { ot: otParser };

/** Printers by AST format: `ot-ast`. */
export const printers = { 'ot-ast': otPrinter };

/**
 * Line breaks are prompt text in a template, so by default a file keeps its own line endings
 * (prettier's default, `lf`, would turn `\r\n` into `\n` and change every prompt).
 */
export const defaultOptions: Plugin['defaultOptions'] = { endOfLine: 'auto' };

/** The plugin object: the `.ot` language, its parser and its printer. */
export const otPlugin: Plugin<FormatAstNode> = { languages, parsers, printers, defaultOptions };
