import type { FrontMatterNode, TemplateNode } from '../syntax/ast.js';
import { parse } from '../syntax/index.js';
import { OtFormatSyntaxError } from './syntax-error.js';

/** The nodes prettier itself visits: the root and its front matter (everything else is ours). */
export type FormatAstNode = TemplateNode | FrontMatterNode;

/**
 * Parses a template for formatting. A file with syntax errors is never formatted: printing a
 * tree that error recovery patched up could change what the template means.
 */
export function parseForFormat(text: string, path: string | undefined): TemplateNode {
  const { ast, diagnostics } = parse(text, { path: path ?? 'template.ot' });
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) throw new OtFormatSyntaxError(errors, text);
  return ast;
}
