import mermaid from 'mermaid';

/**
 * The "Show plan" page's script, bundled with Mermaid into dist/webview/plan-graph.js (no CDN:
 * the graph draws offline): turns each `<pre class="mermaid">` into an SVG in the editor's theme.
 */
const dark =
  document.body.classList.contains('vscode-dark') ||
  document.body.classList.contains('vscode-high-contrast');
mermaid.initialize({
  startOnLoad: false,
  theme: dark ? 'dark' : 'default',
  securityLevel: 'strict',
});
mermaid.run({ querySelector: 'pre.mermaid' }).then(
  () => document.body.classList.add('graph-drawn'),
  (error: unknown) => {
    // The plan in words stays below; say why the picture is missing.
    const note = document.createElement('p');
    note.textContent = `The graph could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
    document.body.prepend(note);
  },
);
