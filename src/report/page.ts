import { createHash } from 'node:crypto';
import { CLIENT_SCRIPT } from './client-script.js';
import { embedJson } from './embed-json.js';
import { escapeHtml } from './escape-html.js';
import { REPORT_STYLE } from './report-style.js';

/** What the page's script draws: an eval or a trace, with its data. */
export type PagePayload =
  | { kind: 'eval'; title: string; [key: string]: unknown }
  | { kind: 'trace'; title: string; [key: string]: unknown };

/**
 * One self-contained HTML page: inline CSS, the data as JSON and one inline script that draws
 * it. The Content-Security-Policy forbids every network request and allows only the script
 * whose hash it names, so even markup smuggled into the data could neither load nor run anything.
 */
export function renderPage(payload: PagePayload): string {
  const scriptHash = createHash('sha256').update(CLIENT_SCRIPT).digest('base64');
  const policy = [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `script-src 'sha256-${scriptHash}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ot">
<title>${escapeHtml(payload.title)}</title>
<link rel="icon" href="data:,">
<style>${REPORT_STYLE}</style>
</head>
<body>
<main id="app"><noscript>This report draws itself with JavaScript; its data is in the page's source.</noscript></main>
<script type="application/json" id="ot-data">${embedJson(payload)}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}
