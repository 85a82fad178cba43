import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

/** The language id and file pattern of `.ot` documents. */
export const documentSelector = [
  { scheme: 'file', language: 'ot' },
  { scheme: 'untitled', language: 'ot' },
];

/**
 * The language client: starts the bundled server (`server.js --stdio`, the same server as
 * `ot lsp --stdio`) in a Node process and connects it to every `.ot` document.
 */
export function createLanguageClient(
  serverModule: string,
  outputChannel: vscode.LogOutputChannel,
): LanguageClient {
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: {
      module: serverModule,
      transport: TransportKind.stdio,
      options: { execArgv: ['--nolazy', '--inspect=6010'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel,
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.ot') },
  };
  return new LanguageClient('ot', 'ot language server', serverOptions, clientOptions);
}
