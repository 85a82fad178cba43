import {
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
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
 * Wires the language server onto a connection: documents kept in sync incrementally, and every
 * feature of `features/` registered with its capabilities. Knows no feature by name.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace(documents);
  connection.onInitialize((params): InitializeResult => {
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
    return {
      capabilities: Object.assign(
        { textDocumentSync: TextDocumentSyncKind.Incremental },
        ...features.map((feature) => feature.capabilities),
      ),
      serverInfo: { name: 'ot-language-server' },
    };
  });
  documents.listen(connection);
  connection.listen();
}
