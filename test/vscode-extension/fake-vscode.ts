import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * A stand-in for the `vscode` module: the only boundary the extension tests replace. It keeps
 * what the extension and its language client do (commands registered, documents opened,
 * diagnostics set, output written, webviews shown) so that tests can read it, and answers input
 * boxes from a queue. Anything not implemented throws, naming itself, so that a test fails
 * clearly instead of silently passing over an API it does not model.
 */

type Listener<T> = (event: T) => unknown;

class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>): Disposable => {
    this.listeners.push(listener);
    return new Disposable(() => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    });
  };
  fire(event: T): void {
    for (const listener of [...this.listeners]) listener(event);
  }
  dispose(): void {
    this.listeners = [];
  }
}

class Disposable {
  constructor(private readonly callOnDispose: () => unknown = () => {}) {}
  static from(...disposables: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => disposables.forEach((d) => d.dispose()));
  }
  dispose(): void {
    this.callOnDispose();
  }
}

class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
    private readonly text: string,
  ) {}
  static parse(value: string): Uri {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1] ?? 'file';
    const path = scheme === 'file' ? fileURLToPath(value) : value.slice(scheme.length + 1);
    return new Uri(scheme, path, value);
  }
  static file(path: string): Uri {
    return new Uri('file', path, pathToFileURL(path).href);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return Uri.file(join(base.path, ...parts));
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return this.text;
  }
  toJSON(): unknown {
    return { scheme: this.scheme, path: this.path, external: this.text };
  }
}

class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    this.start = typeof a === 'number' ? new Position(a, b as number) : a;
    this.end = typeof a === 'number' ? new Position(c!, d!) : (b as Position);
  }
}

class Diagnostic {
  code?: unknown;
  source?: string;
  tags?: unknown[];
  relatedInformation?: unknown[];
  constructor(
    readonly range: Range,
    readonly message: string,
    readonly severity: number,
  ) {}
}

class CancellationTokenSource {
  private readonly emitter = new EventEmitter<void>();
  readonly token = { isCancellationRequested: false, onCancellationRequested: this.emitter.event };
  cancel(): void {
    this.token.isCancellationRequested = true;
    this.emitter.fire();
  }
  dispose(): void {
    this.emitter.dispose();
  }
}

/**
 * Classes the language client extends or builds results with; these tests never look inside
 * them, so they only keep their constructor's arguments.
 */
function valueClass(name: string): new (...args: unknown[]) => { args: unknown[] } {
  return {
    [name]: class {
      readonly args: unknown[];
      constructor(...args: unknown[]) {
        this.args = args;
      }
    },
  }[name]!;
}

const valueClasses = Object.fromEntries(
  [
    'CallHierarchyItem',
    'CodeLens',
    'CompletionItem',
    'DocumentLink',
    'InlayHint',
    'SymbolInformation',
    'TypeHierarchyItem',
    'CodeAction',
    'Location',
    'MarkdownString',
    'DiagnosticRelatedInformation',
  ].map((name) => [name, valueClass(name)]),
);

/** A hierarchical code action kind (`refactor.extract`), as the client builds them at load time. */
class CodeActionKind {
  constructor(readonly value: string) {}
  append(part: string): CodeActionKind {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
  static readonly Empty = new CodeActionKind('');
  static readonly QuickFix = new CodeActionKind('quickfix');
  static readonly Refactor = new CodeActionKind('refactor');
  static readonly RefactorExtract = new CodeActionKind('refactor.extract');
  static readonly RefactorInline = new CodeActionKind('refactor.inline');
  static readonly RefactorRewrite = new CodeActionKind('refactor.rewrite');
  static readonly Source = new CodeActionKind('source');
  static readonly SourceOrganizeImports = new CodeActionKind('source.organizeImports');
}

/** The enums the client reads (values as in vscode.d.ts). */
const enums = {
  CodeActionTriggerKind: { Invoke: 1, Automatic: 2 },
  CompletionItemKind: {
    Text: 0,
    Method: 1,
    Function: 2,
    Constructor: 3,
    Field: 4,
    Variable: 5,
    Class: 6,
    Interface: 7,
    Module: 8,
    Property: 9,
    Unit: 10,
    Value: 11,
    Enum: 12,
    Keyword: 13,
    Snippet: 14,
    Color: 15,
    File: 16,
    Reference: 17,
    Folder: 18,
    EnumMember: 19,
    Constant: 20,
    Struct: 21,
    Event: 22,
    Operator: 23,
    TypeParameter: 24,
    User: 25,
    Issue: 26,
  },
  CompletionItemTag: { Deprecated: 1 },
  CompletionTriggerKind: { Invoke: 0, TriggerCharacter: 1, TriggerForIncompleteCompletions: 2 },
  DocumentHighlightKind: { Text: 0, Read: 1, Write: 2 },
  FileType: { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 },
  FoldingRangeKind: { Comment: 1, Imports: 2, Region: 3 },
  InlineCompletionTriggerKind: { Invoke: 0, Automatic: 1 },
  SignatureHelpTriggerKind: { Invoke: 1, TriggerCharacter: 2, ContentChange: 3 },
  SymbolKind: {
    File: 0,
    Module: 1,
    Namespace: 2,
    Package: 3,
    Class: 4,
    Method: 5,
    Property: 6,
    Field: 7,
    Constructor: 8,
    Enum: 9,
    Interface: 10,
    Function: 11,
    Variable: 12,
    Constant: 13,
    String: 14,
    Number: 15,
    Boolean: 16,
    Array: 17,
    Object: 18,
    Key: 19,
    Null: 20,
    EnumMember: 21,
    Struct: 22,
    Event: 23,
    Operator: 24,
    TypeParameter: 25,
  },
  SymbolTag: { Deprecated: 1 },
  TextDocumentSaveReason: { Manual: 1, AfterDelay: 2, FocusOut: 3 },
  NotebookCellKind: { Markup: 1, Code: 2 },
};

/** A text document as VS Code gives it, over a fixed text. */
export interface FakeTextDocument {
  uri: Uri;
  fileName: string;
  languageId: string;
  version: number;
  isUntitled: boolean;
  isDirty: boolean;
  isClosed: boolean;
  getText(): string;
  save(): Promise<boolean>;
  lineCount: number;
  eol: number;
}

/** A webview panel the extension made: its page, what it posted, and a way to post back. */
export interface FakeWebview {
  viewType: string;
  title: string;
  html: string;
  /** The messages the extension posted to the page. */
  posted: unknown[];
  postedChanged: EventEmitter<unknown>;
  /** Posts a message from the page to the extension. */
  receive(message: unknown): void;
}

/** What the fake saw the extension do. */
export interface FakeState {
  commands: Map<string, (...args: unknown[]) => unknown>;
  /** Output channel name → what was written to it. */
  output: Map<string, string>;
  /** Document URI → the diagnostics last set for it. */
  diagnostics: Map<string, Diagnostic[]>;
  diagnosticsChanged: EventEmitter<string>;
  webviews: FakeWebview[];
  /** Answers to `showInputBox`, in order (undefined cancels). */
  inputAnswers: (string | undefined)[];
  /** The prompts `showInputBox` was called with. */
  inputPrompts: string[];
  messages: string[];
  documents: FakeTextDocument[];
  /** Providers the language client registered, by kind. */
  providers: Map<string, number>;
}

const unimplemented = (name: string): never => {
  throw new Error(`fake vscode: ${name} is not implemented`);
};

/** A namespace whose unknown members throw with their name. */
function strict<T extends object>(name: string, members: T): T {
  return new Proxy(members, {
    get(target, property, receiver) {
      if (typeof property === 'symbol' || property in target)
        return Reflect.get(target, property, receiver);
      // Probes made by module loaders and promise resolution: not part of the API.
      if (property === 'then' || property === '__esModule' || property === 'default')
        return undefined;
      return unimplemented(`${name}.${property}`);
    },
  });
}

/** Opens a document from disk, as `workspace.openTextDocument` does. */
export function documentFromDisk(path: string, languageId = 'ot'): FakeTextDocument {
  const text = readFileSync(path, 'utf8');
  return {
    uri: Uri.file(path),
    fileName: path,
    languageId,
    version: 1,
    isUntitled: false,
    isDirty: false,
    isClosed: false,
    getText: () => text,
    save: async () => true,
    lineCount: text.split('\n').length,
    eol: 1,
  };
}

/** Creates the fake module and the record of what happened. */
export function createFakeVscode(): { vscode: object; state: FakeState } {
  const state: FakeState = {
    commands: new Map(),
    output: new Map(),
    diagnostics: new Map(),
    diagnosticsChanged: new EventEmitter<string>(),
    webviews: [],
    inputAnswers: [],
    inputPrompts: [],
    messages: [],
    documents: [],
    providers: new Map(),
  };
  const never = () => new Disposable();
  const event = () => never;

  const outputChannel = (name: string) => {
    state.output.set(name, state.output.get(name) ?? '');
    const write = (text: string) => state.output.set(name, state.output.get(name)! + text);
    const log = (text: string) => write(`${text}\n`);
    return {
      name,
      logLevel: 2,
      onDidChangeLogLevel: event(),
      append: write,
      appendLine: log,
      replace: (text: string) => state.output.set(name, text),
      clear: () => state.output.set(name, ''),
      show: () => {},
      hide: () => {},
      dispose: () => {},
      trace: log,
      debug: log,
      info: log,
      warn: log,
      error: (error: unknown) => log(String(error)),
    };
  };

  const workspace = strict('workspace', {
    workspaceFolders: undefined,
    get textDocuments() {
      return state.documents;
    },
    notebookDocuments: [],
    getConfiguration: () => ({
      get: (_key: string, fallback?: unknown) => fallback,
      has: () => false,
      inspect: () => undefined,
      update: async () => {},
    }),
    getWorkspaceFolder: () => undefined,
    createFileSystemWatcher: () => ({
      onDidCreate: event(),
      onDidChange: event(),
      onDidDelete: event(),
      dispose: () => {},
    }),
    openTextDocument: async (uri: Uri) => {
      const found = state.documents.find((d) => d.uri.toString() === uri.toString());
      return found ?? documentFromDisk(uri.fsPath);
    },
    onDidChangeConfiguration: event(),
    onDidOpenTextDocument: event(),
    onDidChangeTextDocument: event(),
    onDidCloseTextDocument: event(),
    onWillSaveTextDocument: event(),
    onDidSaveTextDocument: event(),
    onDidChangeWorkspaceFolders: event(),
    onDidOpenNotebookDocument: event(),
    onDidChangeNotebookDocument: event(),
    onDidSaveNotebookDocument: event(),
    onDidCloseNotebookDocument: event(),
    onDidCreateFiles: event(),
    onDidRenameFiles: event(),
    onDidDeleteFiles: event(),
    onWillCreateFiles: event(),
    onWillRenameFiles: event(),
    onWillDeleteFiles: event(),
  });

  const window = strict('window', {
    activeTextEditor: undefined,
    visibleTextEditors: [],
    tabGroups: { all: [], onDidChangeTabs: event(), onDidChangeTabGroups: event() },
    onDidChangeVisibleTextEditors: event(),
    onDidChangeActiveTextEditor: event(),
    createOutputChannel: (name: string) => outputChannel(name),
    showInputBox: async (options: {
      prompt?: string;
      validateInput?: (value: string) => unknown;
    }) => {
      state.inputPrompts.push(options.prompt ?? '');
      const answer = state.inputAnswers.shift();
      if (answer !== undefined && options.validateInput) {
        const problem = await options.validateInput(answer);
        if (problem)
          throw new Error(
            `fake vscode: input ${JSON.stringify(answer)} is invalid: ${String(problem)}`,
          );
      }
      return answer;
    },
    showErrorMessage: async (message: string) => void state.messages.push(`error: ${message}`),
    showWarningMessage: async (message: string) => void state.messages.push(`warning: ${message}`),
    showInformationMessage: async (message: string) => void state.messages.push(`info: ${message}`),
    createWebviewPanel: (viewType: string, title: string) => {
      const fromPage = new EventEmitter<unknown>();
      const record: FakeWebview = {
        viewType,
        title,
        html: '',
        posted: [],
        postedChanged: new EventEmitter<unknown>(),
        receive: (message) => fromPage.fire(message),
      };
      state.webviews.push(record);
      return {
        title,
        webview: {
          cspSource: 'vscode-webview://fake',
          get html() {
            return record.html;
          },
          set html(value: string) {
            record.html = value;
          },
          asWebviewUri: (uri: Uri) => uri,
          postMessage: async (message: unknown) => {
            record.posted.push(message);
            record.postedChanged.fire(message);
            return true;
          },
          onDidReceiveMessage: fromPage.event,
        },
        onDidDispose: event(),
        reveal: () => {},
        dispose: () => {},
      };
    },
  });

  const languages = new Proxy(
    {
      match: (selector: { language?: string; scheme?: string }[], document: FakeTextDocument) =>
        selector.some(
          (filter) =>
            (filter.language === undefined || filter.language === document.languageId) &&
            (filter.scheme === undefined || filter.scheme === document.uri.scheme),
        )
          ? 10
          : 0,
      createDiagnosticCollection: (name: string) => {
        const collection = {
          name,
          set: (uri: Uri | [Uri, Diagnostic[]][], diagnostics?: Diagnostic[]) => {
            if (Array.isArray(uri)) {
              for (const [u, d] of uri) collection.set(u, d);
              return;
            }
            state.diagnostics.set(uri.toString(), diagnostics ?? []);
            state.diagnosticsChanged.fire(uri.toString());
          },
          delete: (uri: Uri) => state.diagnostics.delete(uri.toString()),
          clear: () => state.diagnostics.clear(),
          forEach: () => {},
          get: (uri: Uri) => state.diagnostics.get(uri.toString()),
          has: (uri: Uri) => state.diagnostics.has(uri.toString()),
          dispose: () => {},
        };
        return collection;
      },
    } as Record<string, unknown>,
    {
      get(target, property) {
        if (typeof property === 'symbol' || property in target) return target[property as string];
        // `registerHoverProvider`, `registerCompletionItemProvider`, …: counted, then ignored.
        if (property.startsWith('register')) {
          return () => {
            const kind = property.slice('register'.length);
            state.providers.set(kind, (state.providers.get(kind) ?? 0) + 1);
            return new Disposable();
          };
        }
        return unimplemented(`languages.${property}`);
      },
    },
  );

  const commands = strict('commands', {
    registerCommand: (id: string, handler: (...args: unknown[]) => unknown) => {
      if (state.commands.has(id)) throw new Error(`fake vscode: command ${id} registered twice`);
      state.commands.set(id, handler);
      return new Disposable(() => state.commands.delete(id));
    },
    executeCommand: async (id: string, ...args: unknown[]) => state.commands.get(id)?.(...args),
  });

  const vscode = strict('vscode', {
    version: '1.91.0',
    env: strict('env', {
      appName: 'fake vscode',
      language: 'en',
      machineId: 'test',
      openExternal: async () => true,
    }),
    workspace,
    window,
    languages,
    commands,
    EventEmitter,
    Disposable,
    Uri,
    Position,
    Range,
    Diagnostic,
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    DiagnosticTag: { Unnecessary: 1, Deprecated: 2 },
    CancellationTokenSource,
    CancellationError: class CancellationError extends Error {},
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    LogLevel: { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 },
    TabInputText: class TabInputText {},
    TabInputTextDiff: class TabInputTextDiff {},
    TabInputNotebook: class TabInputNotebook {},
    TabInputNotebookDiff: class TabInputNotebookDiff {},
    TabInputCustom: class TabInputCustom {},
    ...valueClasses,
    ...enums,
    CodeActionKind,
  });
  return { vscode, state };
}
