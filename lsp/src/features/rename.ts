import { ResponseError, ErrorCodes, type TextEdit } from 'vscode-languageserver';
import { symbolAt } from '../analysis/symbol-at.js';
import { rangeOf } from '../positions.js';
import { flowInputOf } from '../analysis/flow-target.js';
import type { Feature } from './feature.js';
import { callerEdits, renameFlowInput, type Changes } from './flow-input-rename.js';
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
 * matter, and `output:` when it names the variable. Renaming an input (in its file, or at a
 * `flow("x.ot", name=…)` that gives it) also renames the keyword in every `flow()` call of the
 * workspace that runs the file, open or not. Names nobody binds (globals, `loop`) and builtins
 * cannot be renamed.
 */
export const renameFeature: Feature = {
  capabilities: { renameProvider: { prepareProvider: true } },
  register(context) {
    const renameable = (uri: string, position: { line: number; character: number }) => {
      const document = context.documents.get(uri);
      if (!document) return null;
      const analysis = context.workspace.analysis(document);
      const symbol = symbolAt(analysis, document.offsetAt(position));
      if (symbol?.kind === 'builtinKeyword') {
        // `flow("x.ot", name=…)`: the input of x.ot, renamed there and in every caller.
        const keyword = symbol.keyword;
        const found =
          keyword.builtin === 'flow'
            ? flowInputOf(
                (path) => context.workspace.readFile(path),
                analysis.path,
                keyword.call,
                keyword.name.name,
              )
            : null;
        if (!found) return null;
        return {
          document,
          span: keyword.name.span,
          name: keyword.name.name,
          edits: (newName: string) =>
            renameFlowInput(context, found.target.path, keyword.name.name, newName),
        };
      }
      if (symbol?.kind !== 'variable' || symbol.variable.implicit !== null) return null;
      const variable = symbol.variable;
      if (variable.bindings.length === 0) return null;
      const input = variable.bindings.some((binding) => binding.kind === 'input');
      return {
        document,
        span: symbol.span,
        name: variable.name,
        edits: (newName: string): Changes => {
          const edits: TextEdit[] = variableSpans(analysis, variable, true).map((span) => ({
            range: rangeOf(document, span),
            newText: newName,
          }));
          // An input is also a keyword of every `flow()` call that runs this file.
          const callers = input ? callerEdits(context, analysis.path, variable.name, newName) : {};
          return { ...callers, [document.uri]: [...edits, ...(callers[document.uri] ?? [])] };
        },
      };
    };
    context.connection.onPrepareRename((params) => {
      const found = renameable(params.textDocument.uri, params.position);
      if (!found) return null;
      return { range: rangeOf(found.document, found.span), placeholder: found.name };
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
      return { changes: found.edits(params.newName) };
    });
  },
};
