import type { ast } from 'ot-lang/tools';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { forEachNode } from 'ot-lang/tools';
import type { DocumentAnalysis } from '../analysis/document-analysis.js';
import type { Feature } from './feature.js';

/**
 * Folding ranges: the front matter, multi-line comments, and every block tag from one of its
 * tags to the line before the next (`if` to `elif`, `elif` to `else`, … to `endif`), so that the
 * closing tag stays visible.
 */
export const foldingRangesFeature: Feature = {
  capabilities: { foldingRangeProvider: true },
  register(context) {
    context.connection.onFoldingRanges((params) => {
      const document = context.documents.get(params.textDocument.uri);
      if (!document) return null;
      return foldingRanges(document, context.workspace.analysis(document));
    });
  },
};

function foldingRanges(document: TextDocument, analysis: DocumentAnalysis): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const line = (offset: number) => document.positionAt(offset).line;
  const add = (startLine: number, endLine: number, kind?: FoldingRangeKind) => {
    if (endLine > startLine) ranges.push({ startLine, endLine, ...(kind ? { kind } : {}) });
  };
  const frontMatter = analysis.ast.frontMatter;
  if (frontMatter) add(line(frontMatter.span.start), line(frontMatter.span.end - 1));
  forEachNode(analysis.ast.body, (node: ast.Node) => {
    if (node.type === 'Comment') {
      add(line(node.span.start), line(node.span.end - 1), FoldingRangeKind.Comment);
      return;
    }
    if (!('tags' in node)) return;
    const tags = node.tags;
    for (let i = 0; i + 1 < tags.length; i++) {
      add(line(tags[i]!.span.start), line(tags[i + 1]!.span.start) - 1, FoldingRangeKind.Region);
    }
    // An unclosed block folds to its end.
    if (tags.length === 1)
      add(line(tags[0]!.span.start), line(node.span.end - 1), FoldingRangeKind.Region);
  });
  return ranges;
}
