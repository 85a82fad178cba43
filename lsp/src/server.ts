import {
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { workspaceRoots } from './workspace-roots.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { features, type FeatureContext, type ServerSettings } from './features/index.js';
import { Workspace } from './workspace.js';

/** Where each diagnostic code is documented unless the client says otherwise: the headings of docs/diagnostics.md. */
export const defaultDiagnosticsBaseUrl =
  'https://github.com/ot-lang/ot/blob/main/docs/diagnostics.md#';

/**
 * Wires the language server onto a connection that has answered `initialize` (lsp/src/main.ts
 * does, before loading this module): documents kept in sync incrementally, and every feature of
 * `features/` registered. Knows no feature by name. Returns the capabilities the features declare.
 */
export function startServer(
  connection: Connection,
  params: InitializeParams,
): InitializeResult['capabilities'] {
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace(documents);
  const options = (params.initializationOptions ?? {}) as Partial<ServerSettings>;
  const settings: ServerSettings = {
    diagnosticsBaseUrl:
      typeof options.diagnosticsBaseUrl === 'string'
        ? options.diagnosticsBaseUrl
        : defaultDiagnosticsBaseUrl,
  };
  const context: FeatureContext = {
    connection,
    documents,
    workspace,
    settings,
    client: params.capabilities,
    roots: workspaceRoots(params),
  };
  for (const feature of features) feature.register(context);
  documents.listen(connection);
  return Object.assign(
    { textDocumentSync: TextDocumentSyncKind.Incremental },
    ...features.map((feature) => feature.capabilities),
  );
}
