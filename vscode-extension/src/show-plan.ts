import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { planRequest, type PlanResult } from '../../lsp/src/requests.js';
import { targetDocument } from './target-document.js';

/** Where the webview loads Mermaid from (the extension ships no copy of it). */
const mermaidScript = 'https://cdn.jsdelivr.net/npm/mermaid@11/dist/mermaid.min.js';

/**
 * "ot: Show plan": the parallel plan of the flow as a Mermaid graph in a webview, with the plan
 * in words under it (which also stands in for the graph when Mermaid cannot be loaded offline).
 * The server makes the plan from the editor's text, saved or not.
 */
export async function showPlan(
  client: LanguageClient,
  uriArgument: unknown,
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
    { enableScripts: true },
  );
  panel.webview.html = planHtml(mermaid.text, text.text, panel.webview.cspSource);
  return panel;
}

/** The webview's page: the graph (rendered by Mermaid) and the plan in words. */
export function planHtml(mermaid: string, text: string, cspSource: string): string {
  const csp = [
    "default-src 'none'",
    `script-src https://cdn.jsdelivr.net 'unsafe-inline'`,
    `style-src ${cspSource} 'unsafe-inline'`,
    'img-src data:',
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<style>
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
  pre { font-family: var(--vscode-editor-font-family); white-space: pre-wrap; }
</style>
</head>
<body>
<pre class="mermaid">${escapeHtml(mermaid)}</pre>
<h3>The plan in words</h3>
<pre>${escapeHtml(text)}</pre>
<script src="${mermaidScript}"></script>
<script>
  if (window.mermaid) {
    const dark = document.body.classList.contains('vscode-dark');
    mermaid.initialize({ startOnLoad: true, theme: dark ? 'dark' : 'default', securityLevel: 'strict' });
  }
</script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
