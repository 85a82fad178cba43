import type { TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument } from '../analysis/document-analysis.js';
import { flowTargetAt } from '../analysis/flow-target.js';
import { fileReferences } from '../analysis/targets.js';
import { otFilesUnder } from '../analysis/workspace-files.js';
import { rangeOf } from '../positions.js';
import { pathToUri, uriToPath } from '../workspace.js';
import type { FeatureContext } from './feature.js';
import { variableSpans } from './references.js';

/** Edits by document URI, as a WorkspaceEdit's `changes`. */
export type Changes = Record<string, TextEdit[]>;

/**
 * The edits that rename input `name` of the flow at `target` everywhere: its key in the front
 * matter and its reads in that file, and the keyword of every `flow()` call that runs the file,
 * in the open documents and the `.ot` files of the workspace folders (read from disk when not
 * open, so the edit reaches files no editor shows).
 */
export function renameFlowInput(
  context: FeatureContext,
  target: string,
  name: string,
  newName: string,
): Changes {
  const changes: Changes = {};
  const add = (uri: string, edit: TextEdit) => (changes[uri] ??= []).push(edit);
  const read = (path: string) => context.workspace.readFile(path);
  const flow = flowTargetAt(read, target);
  if (flow) {
    const { analysis } = flow;
    const variable = analysis.symbols.variables.find(
      (v) => v.name === name && v.bindings.some((binding) => binding.kind === 'input'),
    );
    const document = documentOf(context, target, analysis.text);
    for (const span of variable ? variableSpans(analysis, variable, true) : []) {
      add(document.uri, { range: rangeOf(document, span), newText: newName });
    }
  }
  for (const [uri, edit] of Object.entries(callerEdits(context, target, name, newName))) {
    for (const one of edit) add(uri, one);
  }
  return changes;
}

/** The edits of the `name=` keywords of every `flow()` call that runs `target`. */
export function callerEdits(
  context: FeatureContext,
  target: string,
  name: string,
  newName: string,
): Changes {
  const changes: Changes = {};
  const paths = new Set([
    ...context.documents.all().map((document) => uriToPath(document.uri)),
    ...otFilesUnder(context.roots),
  ]);
  for (const path of paths) {
    const text = context.workspace.readFile(path);
    // Most files call no flow: skip them without parsing.
    if (text === undefined || !text.includes('flow')) continue;
    const open = context.workspace.documentAt(path);
    const analysis = open ? context.workspace.analysis(open) : analyzeDocument(text, path, -1);
    const document = open ?? documentOf(context, path, text);
    for (const file of fileReferences(analysis.ast, analysis.symbols, path)) {
      if (file.kind !== 'flow' || file.target !== target || !file.call) continue;
      for (const kwarg of file.call.kwargs) {
        if (kwarg.name.name !== name) continue;
        (changes[document.uri] ??= []).push({
          range: rangeOf(document, kwarg.name.span),
          newText: newName,
        });
      }
    }
  }
  return changes;
}

/** The open document of a path, or a document made of its text (for positions). */
function documentOf(context: FeatureContext, path: string, text: string): TextDocument {
  return context.workspace.documentAt(path) ?? TextDocument.create(pathToUri(path), 'ot', 0, text);
}
