import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** A position in a document, as LSP counts it (0-based line and UTF-16 character). */
export interface Position {
  line: number;
  character: number;
}

/** What a `textDocument/publishDiagnostics` notification carries (the parts the tests read). */
export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: {
    range: { start: Position; end: Position };
    severity?: number;
    code?: string | number;
    codeDescription?: { href: string };
    source?: string;
    message: string;
  }[];
}

/**
 * An editor's side of the protocol: spawns `node bin/ot.js lsp --stdio` (the built CLI) and talks
 * to it with vscode-jsonrpc, as VS Code's client does.
 */
export class LspClient {
  private readonly published: PublishedDiagnostics[] = [];
  private readonly waiters: {
    uri: string;
    test: (p: PublishedDiagnostics) => boolean;
    resolve: (p: PublishedDiagnostics) => void;
  }[] = [];
  readonly stderr: string[] = [];
  /** `window/showMessage` notifications received. */
  readonly messages: { type: number; message: string }[] = [];
  /** What the server registered dynamically (`client/registerCapability`). */
  readonly registrations: { id: string; method: string; registerOptions?: unknown }[] = [];

  private constructor(
    readonly connection: MessageConnection,
    private readonly child: ChildProcessWithoutNullStreams,
  ) {
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      this.published.push(params);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.test(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    // Servers may ask the client things (e.g. show a message); answer what an editor would.
    connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      this.messages.push(params);
    });
    connection.onNotification('window/logMessage', () => {});
    connection.onRequest(
      'client/registerCapability',
      (params: { registrations: LspClient['registrations'] }) => {
        this.registrations.push(...params.registrations);
        return null;
      },
    );
    child.stderr.on('data', (chunk: Buffer) => this.stderr.push(String(chunk)));
  }

  /** Starts the server and runs the `initialize` handshake (the workspace is the repository unless `rootUri` says). */
  static async start(
    capabilities: object = defaultCapabilities,
    rootUri: string = pathToFileURL(root).href,
  ): Promise<{ client: LspClient; result: InitializeResult }> {
    const child = spawn(process.execPath, ['bin/ot.js', 'lsp', '--stdio'], { cwd: root });
    const connection = createMessageConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    connection.listen();
    const client = new LspClient(connection, child);
    const result = await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri,
      capabilities,
    });
    await connection.sendNotification('initialized', {});
    return { client, result };
  }

  request<T>(method: string, params: object): Promise<T> {
    return this.connection.sendRequest<T>(method, params);
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'ot', version, text },
    });
  }

  /** Sends incremental changes, as an editor does while the user types. */
  async change(
    uri: string,
    version: number,
    changes: { range?: { start: Position; end: Position }; text: string }[],
  ): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: changes,
    });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The first diagnostics published for `uri` (from now on, or already) that pass `test`. */
  diagnostics(
    uri: string,
    test: (p: PublishedDiagnostics) => boolean = () => true,
  ): Promise<PublishedDiagnostics> {
    const already = [...this.published].reverse().find((p) => p.uri === uri);
    if (already && test(already)) return Promise.resolve(already);
    return new Promise((resolve) => this.waiters.push({ uri, test, resolve }));
  }

  /** How many times diagnostics were published for `uri` so far. */
  publishedCount(uri: string): number {
    return this.published.filter((p) => p.uri === uri).length;
  }

  /** Shuts the server down as an editor does, and waits for the process to end. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) =>
      this.child.on('exit', (code) => resolve(code)),
    );
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

/** The `initialize` result (the parts the tests read). */
export interface InitializeResult {
  capabilities: Record<string, unknown>;
  serverInfo?: { name: string };
}

/** What VS Code announces that matters to this server: snippets, markdown, hierarchical symbols. */
export const defaultCapabilities = {
  textDocument: {
    synchronization: { dynamicRegistration: false },
    completion: {
      completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true },
    semanticTokens: {
      requests: { full: true },
      tokenTypes: [],
      tokenModifiers: [],
      formats: ['relative'],
    },
    inlayHint: {},
    codeLens: {},
    rename: { prepareSupport: true },
  },
};

/**
 * Splits a test source at its cursor marker `‸`: the text without it and the marker's position.
 */
export function withCursor(source: string): { text: string; position: Position; offset: number } {
  const offset = source.indexOf('‸');
  if (offset < 0) throw new Error('no ‸ in the test source');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  return { text, position: positionOf(text, offset), offset };
}

/** The LSP position of an offset in a text. */
export function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = (before.match(/\n/g) ?? []).length;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The position of the `nth` occurrence (from 0) of `needle` in `text`, plus `delta` characters. */
export function positionOfText(text: string, needle: string, delta = 0, nth = 0): Position {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`${JSON.stringify(needle)} occurs fewer than ${nth + 1} times`);
  }
  return positionOf(text, index + delta);
}

/** The `file:` URI of a path under test/lsp/fixtures. */
export function fixtureUri(name: string): string {
  return pathToFileURL(fileURLToPath(new URL(`fixtures/${name}`, import.meta.url))).href;
}

/** The path of a file under test/lsp/fixtures. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
}
