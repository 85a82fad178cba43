import { doc, format, type Doc, type ParserOptions } from 'prettier';
import type { TemplateNode } from '../syntax/ast.js';
import { frontMatterDoc, hasYaml, yamlTextDoc } from './front-matter-doc.js';
import { parseForFormat } from './parse-for-format.js';
import { inRange, type PrintContext } from './print-context.js';
import { printTemplate } from './print-template.js';
import { indentUnit, layoutOptions } from './printer.js';

/**
 * Range formatting (`rangeStart`/`rangeEnd`). Prettier's core only formats ranges for its own
 * languages: it looks for the nodes around the range with a list of node types hard-coded per
 * built-in parser, finds none in a plugin's tree and formats nothing (prettier/prettier#7639).
 * What it then returns is the text as the parser's `preprocess` hook left it. So for a range
 * request, `preprocess` does the work: it reformats only the tags (and the dropped whitespace)
 * that overlap the range and hands back the whole text. For a whole-file request it changes
 * nothing and the printer does the work as usual.
 */
export async function formatRequestedRange(text: string, options: ParserOptions): Promise<string> {
  if (!isRangeRequest(text, options)) return text;
  const ast = parseForFormat(text, options.filepath);
  const range = { start: options.rangeStart, end: options.rangeEnd };
  const ctx: PrintContext = {
    text,
    singleQuote: options.singleQuote,
    indentUnit: indentUnit(options),
    layout: layoutOptions(options),
    range,
    frontMatter: null,
  };
  ctx.frontMatter = await printFrontMatterInRange(ast, ctx, options);
  const printed = printTemplate(ast, ctx);
  return doc.printer.printDocToString(printed, layoutOptions(options)).formatted;
}

/** The same test prettier makes before it takes its range-formatting path. */
function isRangeRequest(text: string, options: ParserOptions): boolean {
  return options.rangeStart > 0 || options.rangeEnd < text.length;
}

async function printFrontMatterInRange(
  ast: TemplateNode,
  ctx: PrintContext,
  options: ParserOptions,
): Promise<Doc | null> {
  const node = ast.frontMatter;
  if (!node || !hasYaml(node) || !inRange(ctx, node.span)) return null;
  if (options.embeddedLanguageFormatting === 'off') return null;
  try {
    const yaml = await format(node.source, {
      parser: 'yaml',
      printWidth: options.printWidth,
      tabWidth: options.tabWidth,
      useTabs: options.useTabs,
      singleQuote: options.singleQuote,
      bracketSpacing: options.bracketSpacing,
      proseWrap: options.proseWrap,
    });
    return frontMatterDoc(yamlTextDoc(yaml));
  } catch {
    // As prettier does with an embedded language it cannot format: keep it as written.
    return null;
  }
}
