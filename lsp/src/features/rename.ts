import { ResponseError, ErrorCodes, type TextEdit } from 'vscode-languageserver';
import { symbolAt } from '../analysis/symbol-at.js';
import { rangeOf } from '../positions.js';
import type { Feature } from './feature.js';
import { variableSpans } from './references.js';

/** Words nunjucks reads as operators or constants, which cannot name a variable. */
const reserved = new Set([
  'and',
  'or',
  'not',
  'in',
  'is',
  'if',
  'else',
  'true',
  'false',
  'none',
  'True',
  'False',
  'None',
  'null',
]);

/**
 * Rename of variables: every binding and read in the document, the input's key in the front
 * matter, and `output:` when it names the variable. Names nobody binds (globals, `loop`) and
 * builtins cannot be renamed.
 */
export const renameFeature: Feature = {
  capabilities: { renameProvider: { prepareProvider: true } },
  register(context) {
    const renameable = (uri: string, position: { line: number; character: number }) => {
      const document = context.documents.get(uri);
      if (!document) return null;
      const analysis = context.workspace.analysis(document);
      const symbol = symbolAt(analysis, document.offsetAt(position));
      if (symbol?.kind !== 'variable' || symbol.variable.implicit !== null) return null;
      if (symbol.variable.bindings.length === 0) return null;
      return { document, analysis, symbol };
    };
    context.connection.onPrepareRename((params) => {
      const found = renameable(params.textDocument.uri, params.position);
      if (!found) return null;
      return {
        range: rangeOf(found.document, found.symbol.span),
        placeholder: found.symbol.variable.name,
      };
    });
    context.connection.onRenameRequest((params) => {
      const found = renameable(params.textDocument.uri, params.position);
      if (!found) return null;
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(params.newName) || reserved.has(params.newName)) {
        throw new ResponseError(
          ErrorCodes.InvalidParams,
          `\`${params.newName}\` is not a variable name`,
        );
      }
      const { document, analysis, symbol } = found;
      const edits: TextEdit[] = variableSpans(analysis, symbol.variable, true).map((span) => ({
        range: rangeOf(document, span),
        newText: params.newName,
      }));
      return { changes: { [document.uri]: edits } };
    });
  },
};
