import {
  CompletionItemKind,
  MarkupKind,
  type CompletionItem,
  type Range,
} from 'vscode-languageserver';
import type { CursorContext } from '../analysis/cursor-context.js';
import type { DocumentAnalysis } from '../analysis/document-analysis.js';
import { flowTarget, inputIsRequired, inputTypeText } from '../analysis/flow-target.js';
import type { FeatureContext } from './feature.js';

/**
 * In `flow("x.ot", |)`: the inputs `x.ot` declares in its front matter, as `name=` items (those
 * already given left out), required ones first.
 */
export function flowInputItems(
  context: FeatureContext,
  analysis: DocumentAnalysis,
  cursor: Extract<CursorContext, { kind: 'expression' }>,
  range: Range,
): CompletionItem[] {
  const call = cursor.call;
  if (cursor.island !== 'call' || call?.callee !== 'flow' || call.keyword !== null) return [];
  if (call.firstString === null || analysis.symbols.shadowedBuiltins.has('flow')) return [];
  const target = flowTarget(
    (path) => context.workspace.readFile(path),
    analysis.path,
    call.firstString,
  );
  if (!target) return [];
  return target.inputs
    .filter((input) => !call.keywordsGiven.includes(input.name))
    .map((input) => {
      const required = inputIsRequired(input);
      return {
        label: `${input.name}=`,
        kind: CompletionItemKind.Property,
        detail: `input of ${call.firstString}${required ? ' (required)' : ''}: ${inputTypeText(input)}`,
        documentation: {
          kind: MarkupKind.Markdown,
          value: target.analysis.frontMatter?.description ?? '',
        },
        sortText: `0${required ? 0 : 1}${input.name}`,
        filterText: input.name,
        textEdit: { range, newText: `${input.name}=` },
      };
    });
}
