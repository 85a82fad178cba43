import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { startServer } from './server.js';

/** Starts the language server on stdin/stdout (`ot lsp --stdio`); it runs until the client exits it. */
export function startStdioServer(): void {
  const connection = createConnection(
    new StreamMessageReader(process.stdin),
    new StreamMessageWriter(process.stdout),
  );
  startServer(connection);
}
