import { MessageType, ShowMessageNotification, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { assertNever } from '../assert-never.js';
import { uriToPath } from '../workspace.js';
import type { Feature, FeatureContext } from './feature.js';

/** The formatter's public entry point; loaded on first use, since it brings prettier with it. */
type Formatter = typeof import('ot-lang/prettier');
type FormatFileResult = Awaited<ReturnType<Formatter['formatFile']>>;

let formatter: Promise<Formatter> | undefined;
const loadFormatter = (): Promise<Formatter> => (formatter ??= import('ot-lang/prettier'));

/**
 * Formatting and range formatting through the prettier plugin (`ot-lang/prettier`), as `ot fmt`
 * does: the prettier config of the file applies, and a result that would not parse to the same
 * template, or a file with syntax errors, is left alone (no edits, and a message says why).
 * The edit replaces only the part of the text that changed, so the cursor does not jump.
 */
export const formattingFeature: Feature = {
  capabilities: { documentFormattingProvider: true, documentRangeFormattingProvider: true },
  register(context) {
    context.connection.onDocumentFormatting(async (params) => {
      const document = context.documents.get(params.textDocument.uri);
      if (!document) return null;
      const { formatFile } = await loadFormatter();
      const text = document.getText();
      return answer(context, document, text, await formatFile(uriToPath(document.uri), text));
    });
    // The same config as the whole document (the project's prettier config, not the editor's
    // tab size), so that a range is indented as formatting the whole file would indent it.
    context.connection.onDocumentRangeFormatting(async (params) => {
      const document = context.documents.get(params.textDocument.uri);
      if (!document) return null;
      const { formatFile } = await loadFormatter();
      const text = document.getText();
      const result = await formatFile(uriToPath(document.uri), text, {
        start: document.offsetAt(params.range.start),
        end: document.offsetAt(params.range.end),
      });
      return answer(context, document, text, result);
    });
  },
};

/** The edit of a formatting result, or a warning saying why there is none. */
function answer(
  context: FeatureContext,
  document: TextDocument,
  text: string,
  result: FormatFileResult,
): TextEdit[] {
  switch (result.status) {
    case 'formatted':
      return minimalEdit(document, text, result.output);
    case 'syntax-error':
      return refuse(context, 'the file has syntax errors');
    case 'mixed-line-endings':
      return refuse(context, 'the file mixes line endings');
    case 'changes-template':
      return refuse(context, 'the result would change what the template renders');
    default:
      return assertNever(result);
  }
}

function refuse(context: FeatureContext, why: string): TextEdit[] {
  // A notification, not `window.showWarningMessage` (a request some clients do not answer).
  void context.connection.sendNotification(ShowMessageNotification.type, {
    type: MessageType.Warning,
    message: `ot: not formatted: ${why}.`,
  });
  return [];
}

/** One edit covering what differs between the two texts (nothing when they are equal). */
function minimalEdit(document: TextDocument, before: string, after: string): TextEdit[] {
  if (before === after) return [];
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return [
    {
      range: { start: document.positionAt(start), end: document.positionAt(endBefore) },
      newText: after.slice(start, endAfter),
    },
  ];
}
