import type { Location } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis } from '../analysis/document-analysis.js';
import { flowInputOf, inputIsRequired, inputTypeText } from '../analysis/flow-target.js';
import type { SymbolAt } from '../analysis/symbol-at.js';
import type { BuiltinKeyword } from '../analysis/symbols.js';
import { rangeOf } from '../positions.js';
import { pathToUri } from '../workspace.js';
import type { FeatureContext } from './feature.js';

/**
 * Hover and go to definition on an input a `flow("x.ot", name=…)` call gives: the input's key in
 * `x.ot`'s front matter, and its declared type.
 */
export function flowInputDefinition(
  context: FeatureContext,
  analysis: DocumentAnalysis,
  keyword: BuiltinKeyword,
): Location | null {
  if (keyword.builtin !== 'flow') return null;
  const found = flowInputOf(
    (path) => context.workspace.readFile(path),
    analysis.path,
    keyword.call,
    keyword.name.name,
  );
  if (!found) return null;
  const target = TextDocument.create(
    pathToUri(found.target.path),
    'ot',
    0,
    found.target.analysis.text,
  );
  return { uri: target.uri, range: rangeOf(target, found.input.span) };
}

/** The hover of a `flow()` input: its declared type, whether it is required, the flow's description. */
export function describeFlowInput(
  context: FeatureContext,
  analysis: DocumentAnalysis,
  symbol: Extract<SymbolAt, { kind: 'builtinKeyword' }>,
): string {
  const name = symbol.keyword.name.name;
  const found = flowInputOf(
    (path) => context.workspace.readFile(path),
    analysis.path,
    symbol.keyword.call,
    name,
  );
  if (!found) return `\`\`\`ot\n${name}\n\`\`\`\n\nnot an input of the called flow`;
  const { target, input } = found;
  const lines = [
    `\`\`\`ot\n(input of ${target.path}) ${name}: ${inputTypeText(input) || 'any'}\n\`\`\``,
    inputIsRequired(input) ? 'required' : 'optional (it has a default)',
  ];
  const description = target.analysis.frontMatter?.description;
  if (description) lines.push(description);
  return lines.join('\n\n');
}
