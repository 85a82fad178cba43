import type { Location } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { symbolAt } from '../analysis/symbol-at.js';
import type { Variable } from '../analysis/symbols.js';
import { rangeOf } from '../positions.js';
import { pathToUri } from '../workspace.js';
import { assertNever } from '../assert-never.js';
import type { Feature } from './feature.js';
import { flowInputDefinition } from './flow-input-navigation.js';

/**
 * Go to definition: a variable's binding (the nearest one before the cursor when it is set more
 * than once; every binding when none comes before, as in a loop that sets it later), a macro's
 * tag, an input's key in the front matter, a schema's declaration, an included or `flow()` file.
 */
export const definitionFeature: Feature = {
  capabilities: { definitionProvider: true },
  register(context) {
    context.connection.onDefinition((params) => {
      const document = context.documents.get(params.textDocument.uri);
      if (!document) return null;
      const analysis = context.workspace.analysis(document);
      const offset = document.offsetAt(params.position);
      const symbol = symbolAt(analysis, offset);
      if (!symbol) return null;
      switch (symbol.kind) {
        case 'variable':
          return definitionsOf(document, symbol.variable, offset);
        case 'schema':
          return symbol.declaration
            ? { uri: document.uri, range: rangeOf(document, symbol.declaration.span) }
            : null;
        case 'file':
          return {
            uri: pathToUri(symbol.file.target),
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          };
        case 'builtinKeyword':
          return flowInputDefinition(context, analysis, symbol.keyword);
        case 'unresolved':
        case 'builtin':
        case 'filter':
        case 'test':
          return null;
        default:
          return assertNever(symbol);
      }
    });
  },
};

function definitionsOf(document: TextDocument, variable: Variable, offset: number): Location[] {
  const before = variable.bindings.filter((binding) => binding.span.start <= offset);
  const chosen = before.length > 0 ? [before.at(-1)!] : variable.bindings;
  return chosen.map((binding) => ({ uri: document.uri, range: rangeOf(document, binding.span) }));
}
