import type {
  ClientCapabilities,
  Connection,
  ServerCapabilities,
  TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Workspace } from '../workspace.js';

/** Settings the client may pass in `initializationOptions`. */
export interface ServerSettings {
  /** Where a diagnostic code's docs live: the code, lower-cased, is appended (an anchor). */
  diagnosticsBaseUrl: string;
}

/** What every feature gets when it registers. */
export interface FeatureContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  workspace: Workspace;
  settings: ServerSettings;
  client: ClientCapabilities;
  /** The workspace folders' paths (from `initialize`), where callers of a flow are looked for. */
  roots: string[];
}

/** One language feature: what it adds to the server's capabilities, and its handlers. */
export interface Feature {
  capabilities: ServerCapabilities;
  register(context: FeatureContext): void;
}
