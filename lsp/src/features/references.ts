import type { Location } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis } from '../analysis/document-analysis.js';
import { symbolAt } from '../analysis/symbol-at.js';
import type { Span } from '../analysis/span.js';
import type { Variable } from '../analysis/symbols.js';
import { fileReferences, schemaReferences } from '../analysis/targets.js';
import { rangeOf } from '../positions.js';
import { assertNever } from '../assert-never.js';
import type { Feature, FeatureContext } from './feature.js';

/**
 * Find references: every binding and read of a variable (and `output:` when it names the
 * variable); every `schema="…"` naming a schema; every `include` and `flow()` of a file in the
 * open documents.
 */
export const referencesFeature: Feature = {
  capabilities: { referencesProvider: true },
  register(context) {
    context.connection.onReferences((params) => {
      const document = context.documents.get(params.textDocument.uri);
      if (!document) return null;
      const analysis = context.workspace.analysis(document);
      const symbol = symbolAt(analysis, document.offsetAt(params.position));
      if (!symbol) return null;
      const declarations = params.context.includeDeclaration;
      const here = (span: Span): Location => ({
        uri: document.uri,
        range: rangeOf(document, span),
      });
      switch (symbol.kind) {
        case 'variable':
          return variableSpans(analysis, symbol.variable, declarations).map(here);
        case 'schema':
          return [
            ...(declarations && symbol.declaration ? [symbol.declaration.span] : []),
            ...schemaReferences(analysis.symbols)
              .filter((reference) => reference.name === symbol.name)
              .map((reference) => reference.literal.span),
          ].map(here);
        case 'file':
          return fileLocations(context, symbol.file.target);
        case 'unresolved':
        case 'builtin':
        case 'builtinKeyword':
        case 'filter':
        case 'test':
          return null;
        default:
          return assertNever(symbol);
      }
    });
  },
};

/** The spans of a variable's bindings (when asked) and reads, in source order. */
export function variableSpans(
  analysis: DocumentAnalysis,
  variable: Variable,
  bindings: boolean,
): Span[] {
  const spans = [
    ...(bindings ? variable.bindings.map((binding) => binding.span) : []),
    ...variable.references.map((reference) => reference.span),
  ];
  const output = analysis.frontMatter?.output;
  if (output?.valueSpan && output.valueText === variable.name && variable.scope.parent === null) {
    spans.push({
      start: output.valueSpan.start,
      end: output.valueSpan.start + variable.name.length,
    });
  }
  return spans.sort((a, b) => a.start - b.start);
}

function fileLocations(context: FeatureContext, target: string): Location[] {
  const locations: Location[] = [];
  for (const other of context.documents.all()) {
    const analysis = context.workspace.analysis(other as TextDocument);
    for (const file of fileReferences(analysis.ast, analysis.symbols, analysis.path)) {
      if (file.target === target)
        locations.push({ uri: other.uri, range: rangeOf(other, file.literal.span) });
    }
  }
  return locations;
}
