import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './client.js';
import { bundledPaths } from './paths.js';
import { previewPrompts } from './preview-panel.js';
import { runFlow } from './run-flow.js';
import { showPlan } from './show-plan.js';

let client: LanguageClient | undefined;

/**
 * Activates on the first `.ot` document: starts the language server and registers the commands
 * that its code lenses name, "ot: Run flow" and "ot: Show plan". The language, grammar,
 * configuration and snippets are contributed by the manifest; "ot: Preview prompts" shows
 * each call's prompt as the user types.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const paths = bundledPaths(context.extensionPath);
  const serverOutput = vscode.window.createOutputChannel('ot language server', { log: true });
  const runOutput = vscode.window.createOutputChannel('ot');
  client = createLanguageClient(paths.server, serverOutput);
  const started = client;
  context.subscriptions.push(
    serverOutput,
    runOutput,
    vscode.commands.registerCommand('ot.runFlow', (uri?: unknown) =>
      runFlow(started, paths.cli, runOutput, uri),
    ),
    vscode.commands.registerCommand('ot.showPlan', (uri?: unknown) =>
      showPlan(started, uri, vscode.Uri.file(context.extensionPath)),
    ),
    vscode.commands.registerCommand('ot.previewPrompts', (uri?: unknown) =>
      previewPrompts(started, uri),
    ),
  );
  await client.start();
}

/** Stops the language server. */
export async function deactivate(): Promise<void> {
  const stopping = client;
  client = undefined;
  await stopping?.stop();
}
