import {
  createConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { startServer } from './server.js';

/** Starts the language server on stdin/stdout (`ot lsp --stdio`); it runs until the client exits it. */
export function startStdioServer(): void {
  const connection = createConnection(
    new StreamMessageReader(process.stdin),
    new StreamMessageWriter(process.stdout),
  );
  // A long-lived process must not die of one failed promise: report it to the editor's log.
  process.on('unhandledRejection', (reason) => {
    connection.console.error(
      `ot language server: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
    );
  });
  startServer(connection);
}
