import type { InitializeParams } from 'vscode-languageserver';
import { uriToPath } from './workspace.js';

/** The paths of the workspace folders a client announces (`workspaceFolders`, else `rootUri`). */
export function workspaceRoots(params: InitializeParams): string[] {
  const uris =
    params.workspaceFolders?.map((folder) => folder.uri) ??
    (params.rootUri ? [params.rootUri] : []);
  return uris.filter((uri) => uri.startsWith('file:')).map(uriToPath);
}
