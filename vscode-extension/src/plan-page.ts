/** The webview's page: the graph (drawn by the bundled Mermaid, `script`) and the plan in words. */
export function planHtml(mermaid: string, text: string, cspSource: string, script: string): string {
  const csp = [
    "default-src 'none'",
    `script-src ${cspSource}`,
    `style-src ${cspSource} 'unsafe-inline'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
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
<script src="${escapeHtml(script)}"></script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
