import type { ast } from 'ot-lang/tools';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { assertNever } from '../assert-never.js';
import { macroSignature } from '../analysis/describe-variable.js';
import type { DocumentAnalysis } from '../analysis/document-analysis.js';
import type { Span } from '../analysis/span.js';
import { rangeOf } from '../positions.js';
import type { Feature } from './feature.js';

/**
 * Document symbols (the outline): inputs and schemas from the front matter; the names bound by
 * call blocks, `set` and captures; macros with what they bind inside; forks with their branches.
 * `if`, `for` and `role` blocks are see-through: what they bind is listed where they stand.
 */
export const documentSymbolsFeature: Feature = {
  capabilities: { documentSymbolProvider: true },
  register(context) {
    context.connection.onDocumentSymbol((params) => {
      const document = context.documents.get(params.textDocument.uri);
      if (!document) return null;
      return documentSymbols(document, context.workspace.analysis(document));
    });
  },
};

function documentSymbols(document: TextDocument, analysis: DocumentAnalysis): DocumentSymbol[] {
  const symbol = (
    name: string,
    kind: SymbolKind,
    span: Span,
    selection: Span,
    detail: string,
    children: DocumentSymbol[] = [],
  ): DocumentSymbol => ({
    name,
    kind,
    detail,
    range: rangeOf(document, span),
    selectionRange: rangeOf(document, selection),
    children,
  });
  const symbols: DocumentSymbol[] = [];
  const frontMatter = analysis.frontMatter;
  for (const input of frontMatter?.inputs ?? []) {
    const span = input.valueSpan
      ? { start: input.span.start, end: input.valueSpan.end }
      : input.span;
    symbols.push(
      symbol(
        input.name,
        SymbolKind.Field,
        span,
        input.span,
        `input: ${input.valueText.replace(/\s+/g, ' ')}`,
      ),
    );
  }
  for (const schema of frontMatter?.schemas ?? []) {
    const span = schema.valueSpan
      ? { start: schema.span.start, end: schema.valueSpan.end }
      : schema.span;
    symbols.push(symbol(schema.name, SymbolKind.Struct, span, schema.span, 'schema'));
  }

  const body = (nodes: readonly ast.Node[]): DocumentSymbol[] => nodes.flatMap(node);
  const node = (n: ast.Node): DocumentSymbol[] => {
    switch (n.type) {
      case 'Text':
      case 'Output':
      case 'Comment':
      case 'Include':
      case 'Raw':
        return [];
      case 'CallBlock': {
        if (!n.target) return [];
        const callee =
          n.terms.length === 1 && n.terms[0]!.type === 'Call' && n.terms[0].callee.type === 'Name'
            ? n.terms[0].callee.name
            : 'composition';
        return [symbol(n.target.name, SymbolKind.Variable, n.span, n.target.span, callee)];
      }
      case 'Set':
        return n.targets.map((target) =>
          symbol(target.name, SymbolKind.Variable, n.span, target.span, 'set'),
        );
      case 'SetBlock':
        return [
          ...n.targets.map((target) =>
            symbol(target.name, SymbolKind.Variable, n.span, target.span, 'capture', body(n.body)),
          ),
        ];
      case 'Macro':
        return [
          symbol(
            n.name.name,
            SymbolKind.Function,
            n.span,
            n.name.span,
            macroSignature(n),
            body(n.body),
          ),
        ];
      case 'Fork': {
        const branches = n.body.filter((part): part is ast.BranchNode => part.type === 'Branch');
        const children =
          branches.length > 0
            ? branches.map((branch, index) =>
                symbol(
                  `branch ${index + 1}`,
                  SymbolKind.Namespace,
                  branch.span,
                  firstTag(branch),
                  '',
                  body(branch.body),
                ),
              )
            : body(n.body);
        const detail =
          branches.length > 0 ? `${branches.length} branches` : 'a branch per iteration';
        return [symbol('fork', SymbolKind.Namespace, n.span, firstTag(n), detail, children)];
      }
      case 'Branch':
        return [symbol('branch', SymbolKind.Namespace, n.span, firstTag(n), '', body(n.body))];
      case 'If':
        return [...n.branches.flatMap((branch) => body(branch.body)), ...body(n.otherwise ?? [])];
      case 'For':
        return [...body(n.body), ...body(n.otherwise ?? [])];
      case 'CallTag':
      case 'FilterBlock':
      case 'Role':
      case 'UnsupportedTag':
        return body(n.body);
      default:
        return assertNever(n);
    }
  };
  for (const symbol of body(analysis.ast.body)) symbols.push(symbol);
  return symbols;
}

function firstTag(node: { tags: readonly ast.TagDelimiter[]; span: Span }): Span {
  return node.tags[0]?.span ?? node.span;
}
