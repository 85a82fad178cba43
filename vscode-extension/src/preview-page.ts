/**
 * The page of the "ot: Preview prompts" panel: a form of the flow's inputs, a Run button, and
 * each call's prompt or messages in run order. It only draws what the extension posts
 * (`form`, `preview`, `running`, `call`) and posts back what the user does (`ready`, `inputs`,
 * `run`, `reveal`); the script is inline, allowed by its nonce alone.
 */
export function previewHtml(nonce: string, cspSource: string): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'unsafe-inline'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<style>
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 12px; }
  pre { font-family: var(--vscode-editor-font-family); white-space: pre-wrap; margin: 4px 0;
        padding: 6px 8px; background: var(--vscode-textCodeBlock-background); }
  .inputs { display: grid; grid-template-columns: max-content 1fr; gap: 4px 8px; align-items: center; }
  input { background: var(--vscode-input-background); color: var(--vscode-input-foreground);
          border: 1px solid var(--vscode-input-border, transparent); padding: 3px 6px; }
  button { background: var(--vscode-button-background); color: var(--vscode-button-foreground);
           border: none; padding: 4px 12px; margin: 8px 0; cursor: pointer; }
  .call { border-top: 1px solid var(--vscode-panel-border, #8884); padding: 6px 0; }
  .head { font-weight: 600; }
  .head a { color: var(--vscode-textLink-foreground); cursor: pointer; }
  .status { font-weight: normal; padding: 0 6px; border-radius: 3px; margin-left: 6px; }
  .status.cached { background: #2e7d3240; }
  .status.placeholder { background: #f9a82540; }
  .status.called { background: #1565c040; }
  .status.failed, .error { background: #c6282840; }
  .placeholder-text { background: #f9a82540; border-radius: 2px; }
  .role { opacity: 0.7; font-style: italic; }
  .summary { opacity: 0.8; }
</style>
</head>
<body>
<div class="inputs" id="inputs"></div>
<button id="run" title="Call the backends for the calls the cache does not have">▶ Run</button>
<div class="summary" id="summary"></div>
<div id="calls"></div>
<script nonce="${nonce}">
${pageScript}
</script>
</body>
</html>
`;
}

/** The page's script (plain JavaScript, run in the webview). */
const pageScript = String.raw`
const vscode = acquireVsCodeApi();
const inputsBox = document.getElementById('inputs');
const callsBox = document.getElementById('calls');
const summaryBox = document.getElementById('summary');
let timer;
const placeholderPattern = /<input [^<>\n]+>|<[a-z_]+ [^<>\n]*:\d+:\d+>/g;

function text(tag, value, className) {
  const element = document.createElement(tag);
  element.textContent = value;
  if (className) element.className = className;
  return element;
}

/** A prompt as a pre, its placeholders marked. */
function promptBlock(value) {
  const pre = document.createElement('pre');
  let last = 0;
  for (const match of value.matchAll(placeholderPattern)) {
    pre.append(value.slice(last, match.index));
    pre.append(text('span', match[0], 'placeholder-text'));
    last = match.index + match[0].length;
  }
  pre.append(value.slice(last));
  return pre;
}

function callBlock(call, index) {
  const box = document.createElement('div');
  box.className = 'call';
  const head = document.createElement('div');
  head.className = 'head';
  head.append(index + 1 + '. ' + call.builtin + (call.sample ? ' (' + call.sample + ')' : '') + ' · ');
  const where = text('a', call.path ? call.path.split(/[\\/]/).pop() + ':' + (call.line + 1) : call.location);
  where.addEventListener('click', () => vscode.postMessage({ type: 'reveal', path: call.path, line: call.line }));
  head.append(where, ' · ' + call.backend, text('span', call.status, 'status ' + call.status));
  box.append(head);
  if (call.messages) {
    for (const message of call.messages) {
      box.append(text('div', message.role, 'role'), promptBlock(message.content));
    }
  } else {
    box.append(promptBlock(call.prompt ?? ''));
  }
  if (call.status === 'failed') box.append(text('pre', call.error, 'error'));
  else if (call.status === 'placeholder')
    box.append(text('div', 'reply: not cached — a placeholder stands for it (Run calls the backend)', 'role'));
  else {
    box.append(text('div', 'reply' + (call.status === 'cached' ? ' (cached)' : ''), 'role'));
    box.append(text('pre', typeof call.reply === 'string' ? call.reply : JSON.stringify(call.reply, null, 2)));
  }
  return box;
}

let formKey = '';
function showForm(inputs) {
  // Redrawn only when the declared inputs change, so the field being typed in keeps its focus.
  const key = JSON.stringify(inputs.map(({ value, ...declared }) => declared));
  if (key === formKey) return;
  formKey = key;
  inputsBox.replaceChildren();
  for (const input of inputs) {
    const field = document.createElement('input');
    field.dataset.name = input.name;
    field.dataset.type = input.schema && typeof input.schema.type === 'string' ? input.schema.type : '';
    field.placeholder = input.required ? (field.dataset.type === 'string' ? 'text' : 'JSON') : 'default ' + JSON.stringify(input.default);
    field.value = input.value ?? '';
    field.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(sendInputs, 250);
    });
    inputsBox.append(text('label', input.name + (input.required ? ' *' : '')), field);
  }
}

function sendInputs() {
  const values = {};
  for (const field of inputsBox.querySelectorAll('input')) {
    values[field.dataset.name] = { text: field.value, type: field.dataset.type };
  }
  vscode.postMessage({ type: 'inputs', values });
}

function showPreview(result) {
  callsBox.replaceChildren(...result.calls.map(callBlock));
  const counts = {};
  for (const call of result.calls) counts[call.status] = (counts[call.status] ?? 0) + 1;
  const parts = Object.entries(counts).map(([status, n]) => n + ' ' + status);
  summaryBox.replaceChildren(
    text('div', (result.ran ? 'Run: ' : 'Dry run (no backend called): ') + result.calls.length + ' call' + (result.calls.length === 1 ? '' : 's') + (parts.length ? ' — ' + parts.join(', ') : '')),
  );
  if (result.placeholderInputs.length)
    summaryBox.append(text('div', 'inputs standing as placeholders: ' + result.placeholderInputs.join(', ')));
  if (result.error) summaryBox.append(text('pre', result.error, 'error'));
}

document.getElementById('run').addEventListener('click', () => vscode.postMessage({ type: 'run' }));
window.addEventListener('message', (event) => {
  const message = event.data;
  if (message.type === 'form') showForm(message.inputs);
  else if (message.type === 'preview') showPreview(message.result);
  else if (message.type === 'running') {
    callsBox.replaceChildren();
    summaryBox.replaceChildren(text('div', 'Running…'));
  } else if (message.type === 'call') callsBox.append(callBlock(message.call, callsBox.children.length));
});
vscode.postMessage({ type: 'ready' });
`;
