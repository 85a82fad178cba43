import type { AstPath, Doc, Options, ParserOptions, Printer } from 'prettier';
import type { FrontMatterNode } from '../syntax/ast.js';
import { frontMatterDoc, hasYaml } from './front-matter-doc.js';
import type { FormatAstNode } from './parse-for-format.js';
import type { PrintContext } from './print-context.js';
import { printTemplate } from './print-template.js';

/** One level of block indentation under prettier's `useTabs` and `tabWidth`. */
export function indentUnit(options: Pick<Options, 'useTabs' | 'tabWidth'>): string {
  return options.useTabs ? '\t' : ' '.repeat(options.tabWidth ?? 2);
}

/** The options that lay out a tag. */
export function layoutOptions(options: Options): PrintContext['layout'] {
  return {
    printWidth: options.printWidth ?? 80,
    tabWidth: options.tabWidth ?? 2,
    useTabs: options.useTabs ?? false,
  };
}

/**
 * The `ot-ast` printer. Prettier walks only the root and its front matter (so that the YAML can
 * go through prettier's own YAML printer as an embedded language); the template body is printed
 * by printTemplate in one pass over the source.
 */
export const otPrinter: Printer<FormatAstNode> = {
  print(path: AstPath<FormatAstNode>, options: ParserOptions<FormatAstNode>, print): Doc {
    const node = path.node;
    if (node.type === 'FrontMatter') {
      return options.originalText.slice(node.span.start, node.span.end);
    }
    return printTemplate(node, {
      text: options.originalText,
      singleQuote: options.singleQuote,
      indentUnit: indentUnit(options),
      layout: layoutOptions(options),
      range: null,
      frontMatter: node.frontMatter ? print('frontMatter') : null,
    });
  },

  embed(path: AstPath) {
    const node = path.node as FormatAstNode;
    if (node.type !== 'FrontMatter' || !hasYaml(node)) return null;
    return async (textToDoc) =>
      frontMatterDoc(await textToDoc((node as FrontMatterNode).source, { parser: 'yaml' }));
  },

  getVisitorKeys(node: FormatAstNode) {
    return node.type === 'Template' ? ['frontMatter'] : [];
  },
};
