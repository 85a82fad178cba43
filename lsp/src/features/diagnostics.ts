import type { Diagnostic } from 'ot-lang/tools';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { assertNever } from '../assert-never.js';
import { suggestionFor } from '../analysis/suggestions.js';
import { rangeOf } from '../positions.js';
import { Superseded } from '../program/program-service.js';
import { uriToPath } from '../workspace.js';
import type { Feature, FeatureContext } from './feature.js';

/** How long typing must pause before a document is checked again (keystrokes come in bursts). */
const CHECK_DELAY_MS = 120;

/**
 * Syntax and semantic diagnostics of each open document, published after every change: the
 * document is loaded as a program (its includes and `flow()` files read from open buffers or
 * disk) on the worker thread, so problems such as a missing included file or a wrong flow input
 * show up too. Open documents that include or call a changed one are checked again as well.
 */
export const diagnosticsFeature: Feature = {
  capabilities: {},
  register(context) {
    const timers = new Map<string, NodeJS.Timeout>();
    const schedule = (uri: string): void => {
      clearTimeout(timers.get(uri));
      timers.set(
        uri,
        setTimeout(() => {
          timers.delete(uri);
          const document = context.documents.get(uri);
          if (document) void publish(context, document);
        }, CHECK_DELAY_MS),
      );
    };
    // A file the document reads changed on disk (see watched-files.ts).
    context.workspace.onRecheck(schedule);
    context.documents.onDidChangeContent(({ document }) => {
      schedule(document.uri);
      const changedPath = uriToPath(document.uri);
      for (const other of context.documents.all()) {
        if (other.uri === document.uri) continue;
        const files = context.workspace.programs.latestCheck(other.uri)?.check.files ?? [];
        if (files.includes(changedPath)) {
          context.workspace.programs.invalidate(other.uri);
          schedule(other.uri);
        }
      }
    });
    context.documents.onDidClose(({ document }) => {
      clearTimeout(timers.get(document.uri));
      timers.delete(document.uri);
      void context.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    });
  },
};

async function publish(context: FeatureContext, document: TextDocument): Promise<void> {
  let checked;
  try {
    checked = await context.workspace.check(document);
  } catch (error) {
    if (error instanceof Superseded) return; // a newer version is on its way
    throw error;
  }
  // The document may have changed or closed while the worker checked it.
  if (context.documents.get(document.uri)?.version !== document.version) return;
  const path = uriToPath(document.uri);
  // Parsed only when a diagnostic's suggestion needs the names in scope.
  const analysis = () => context.workspace.analysis(document);
  const diagnostics = checked.diagnostics
    .filter((diagnostic) => diagnostic.file === path)
    .map((diagnostic) => {
      const lsp = toLspDiagnostic(document, diagnostic, context.settings.diagnosticsBaseUrl);
      // The quick fixes read it back (see quick-fixes.ts).
      const data = suggestionFor(diagnostic, analysis);
      return data ? { ...lsp, data } : lsp;
    });
  await context.connection.sendDiagnostics({
    uri: document.uri,
    version: document.version,
    diagnostics,
  });
}

/** One diagnostic for the editor, its code linked to the code's documentation. */
function toLspDiagnostic(
  document: TextDocument,
  diagnostic: Diagnostic,
  baseUrl: string,
): LspDiagnostic {
  return {
    range: rangeOf(document, diagnostic.span),
    severity: severityOf(diagnostic.severity),
    code: diagnostic.code,
    codeDescription: { href: `${baseUrl}${diagnostic.code.toLowerCase()}` },
    source: 'ot',
    message: diagnostic.message,
  };
}

function severityOf(severity: Diagnostic['severity']): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'info':
      return DiagnosticSeverity.Information;
    default:
      return assertNever(severity);
  }
}
