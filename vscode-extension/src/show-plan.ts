import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { planRequest, type PlanResult } from '../../lsp/src/requests.js';
import { planHtml } from './plan-page.js';
import { targetDocument } from './target-document.js';

/**
 * "ot: Show plan": the parallel plan of the flow as a Mermaid graph in a webview, drawn offline
 * by the Mermaid the extension bundles (dist/webview/plan-graph.js), with the plan in words
 * under it. The server makes the plan from the editor's text, saved or not.
 */
export async function showPlan(
  client: LanguageClient,
  uriArgument: unknown,
  extensionUri: vscode.Uri,
): Promise<vscode.WebviewPanel | undefined> {
  const document = await targetDocument(uriArgument);
  if (!document) return undefined;
  const uri = document.uri.toString();
  const [mermaid, text] = await Promise.all([
    client.sendRequest<PlanResult>(planRequest, { uri, format: 'mermaid' }),
    client.sendRequest<PlanResult>(planRequest, { uri, format: 'text' }),
  ]);
  const panel = vscode.window.createWebviewPanel(
    'ot.plan',
    `Plan: ${basename(document.uri.fsPath || document.uri.path)}`,
    vscode.ViewColumn.Beside,
    {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
    },
  );
  const script = panel.webview.asWebviewUri(
    vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'plan-graph.js'),
  );
  panel.webview.html = planHtml(
    mermaid.text,
    text.text,
    panel.webview.cspSource,
    script.toString(),
  );
  return panel;
}
