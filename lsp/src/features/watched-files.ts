import { basename, dirname, sep } from 'node:path';
import { DidChangeWatchedFilesNotification, type FileSystemWatcher } from 'vscode-languageserver';
import { uriToPath } from '../workspace.js';
import type { Feature, FeatureContext } from './feature.js';

/**
 * The files whose changes on disk the server follows: flows and templates, and the YAML of
 * `ot.config.yaml` (which decides where a flow may read) and of fake backends (`backend:
 * fake:replies.yaml`).
 */
export const watchedFilePatterns: readonly string[] = ['**/*.ot', '**/*.yaml', '**/*.yml'];

/**
 * Files that change on disk (`workspace/didChangeWatchedFiles`, for which the server registers
 * when the client can register dynamically): every open document whose program reads a changed
 * file — an include, a `flow()` callee, a file it names that was just created or deleted, its
 * `ot.config.yaml` or its fake backend file — is checked again and its diagnostics published.
 * The worker loads programs anew, since a file it read may have changed. Closing a buffer
 * unsaved does the same for its dependents (the file on disk counts again).
 */
export const watchedFilesFeature: Feature = {
  capabilities: {},
  register(context) {
    context.connection.onInitialized(() => {
      if (context.client.workspace?.didChangeWatchedFiles?.dynamicRegistration !== true) return;
      const watchers: FileSystemWatcher[] = watchedFilePatterns.map((globPattern) => ({
        globPattern,
      }));
      void context.connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers })
        .catch(() => {
          // A client that refuses still sends the events it watches itself.
        });
    });
    // A buffer closed unsaved: its dependents read the file on disk again.
    context.documents.onDidClose(({ document }) => {
      for (const uri of dependentsOf(context, [uriToPath(document.uri)])) {
        context.workspace.recheck(uri);
      }
    });
    context.connection.onDidChangeWatchedFiles(({ changes }) => {
      // An open file's buffer is what programs read (saving it changes nothing they see).
      const paths = changes
        .filter((change) => change.uri.startsWith('file:'))
        .map((change) => uriToPath(change.uri))
        .filter((path) => context.workspace.documentAt(path) === undefined);
      if (paths.length === 0) return;
      context.workspace.programs.filesChanged();
      for (const uri of dependentsOf(context, paths)) context.workspace.recheck(uri);
    });
  },
};

/** The open documents whose programs read one of `paths` (the documents themselves excepted). */
export function dependentsOf(context: FeatureContext, paths: readonly string[]): string[] {
  const dependents: string[] = [];
  for (const document of context.documents.all()) {
    const path = uriToPath(document.uri);
    // An open document's buffer is what counts, not its file on disk.
    const others = paths.filter((changed) => changed !== path);
    if (others.length > 0 && readsAny(context, document.uri, path, document.getText(), others)) {
      dependents.push(document.uri);
    }
  }
  return dependents;
}

function readsAny(
  context: FeatureContext,
  uri: string,
  path: string,
  text: string,
  changed: readonly string[],
): boolean {
  const files = context.workspace.programs.latestCheck(uri)?.check.files ?? [];
  return changed.some((file) => {
    if (files.includes(file)) return true;
    const name = basename(file);
    // `ot.config.yaml` governs every flow below its folder.
    if (name === 'ot.config.yaml') return path.startsWith(dirname(file) + sep);
    // A file the program could not read (not in `files`) may have just been created; a fake
    // backend file is named in the front matter: both appear in the text by name.
    return text.includes(name);
  });
}
