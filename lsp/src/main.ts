import {
  createConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type DataCallback,
  type Disposable,
  type InitializeParams,
  type Message,
  type MessageReader,
} from 'vscode-languageserver/node';
import { serverCapabilities } from './capabilities.js';

/**
 * Starts the language server on stdin/stdout (`ot lsp --stdio`). It answers `initialize` at
 * once, then loads the server proper (features, parser, analysis: most of its start-up time)
 * while the messages that follow wait. It runs until the client exits it, its input closes, or
 * the process that started it (`processId` of `initialize`) dies, and then exits quietly.
 */
export function startStdioServer(): void {
  const reader = new GatedReader(new StreamMessageReader(process.stdin));
  const connection = createConnection(reader, new StreamMessageWriter(process.stdout));
  // A long-lived process must not die of one failed promise: report it to the editor's log.
  process.on('unhandledRejection', (reason) => {
    connection.console.error(
      `ot language server: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
    );
  });
  // The editor has gone: nobody reads what the server would say (writing would fail with EPIPE).
  const quit = () => process.exit(0);
  process.stdin.on('end', quit);
  process.stdin.on('close', quit);
  process.stdout.on('error', quit);
  connection.onInitialize((params: InitializeParams) => {
    watchParent(params.processId);
    void import('./server.js').then(
      ({ startServer }) => {
        startServer(connection, params);
        reader.open();
      },
      (error: unknown) => {
        process.stderr.write(`ot language server: ${String(error)}\n`);
        process.exit(1);
      },
    );
    return { capabilities: serverCapabilities, serverInfo: { name: 'ot-language-server' } };
  });
  connection.listen();
}

/** Exits when the editor's process is gone (checked every few seconds, as LSP servers do). */
function watchParent(processId: number | null): void {
  if (typeof processId !== 'number') return;
  setInterval(() => {
    try {
      process.kill(processId, 0);
    } catch (error) {
      // EPERM: it exists but belongs to another user.
      if ((error as NodeJS.ErrnoException).code !== 'EPERM') process.exit(0);
    }
  }, 1000).unref();
}

/**
 * A reader that lets messages through until the first (`initialize`), then holds the rest until
 * `open()`: they reach the connection once the features that answer them are registered.
 */
class GatedReader implements MessageReader {
  private held: Message[] | null = null;
  private callback: DataCallback | null = null;

  constructor(private readonly inner: StreamMessageReader) {}

  get onError() {
    return this.inner.onError;
  }

  get onClose() {
    return this.inner.onClose;
  }

  get onPartialMessage() {
    return this.inner.onPartialMessage;
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    return this.inner.listen((message) => {
      if (this.held) {
        this.held.push(message);
        return;
      }
      if ('method' in message && message.method === 'initialize') this.held = [];
      callback(message);
    });
  }

  /** Lets the held messages through, in order, and every later one. */
  open(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const message of held) this.callback?.(message);
  }

  dispose(): void {
    this.inner.dispose();
  }
}
