import { randomBytes } from 'node:crypto';
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  previewCallNotification,
  previewPromptsRequest,
  type PreviewCallParams,
  type PreviewPromptsParams,
  type PreviewPromptsResult,
} from '../../lsp/src/preview-requests.js';
import {
  flowInputsRequest,
  type FlowInput,
  type FlowInputsResult,
} from '../../lsp/src/requests.js';
import { previewHtml } from './preview-page.js';
import { targetDocument } from './target-document.js';

/** How long typing (in the flow or an input) pauses before the preview is made again. */
const DEBOUNCE_MS = 300;

/** What the page posts. */
type PageMessage =
  | { type: 'ready' }
  | { type: 'inputs'; values: Record<string, { text: string; type: string }> }
  | { type: 'run' }
  | { type: 'reveal'; path: string | null; line: number | null };

/**
 * "ot: Preview prompts": a panel beside the flow showing each call's exact prompt in run order,
 * from a dry run of the editor's text (cached replies, placeholders for the others; no backend
 * is called), made again as the user types in the flow or in the inputs. Run calls the backends
 * and shows each reply as it arrives.
 */
export async function previewPrompts(
  client: LanguageClient,
  uriArgument: unknown,
): Promise<vscode.WebviewPanel | undefined> {
  const document = await targetDocument(uriArgument);
  if (!document) return undefined;
  const uri = document.uri.toString();
  const cwd =
    vscode.workspace.getWorkspaceFolder(document.uri)?.uri.fsPath ??
    (document.isUntitled ? undefined : dirname(document.uri.fsPath));
  const panel = vscode.window.createWebviewPanel(
    'ot.preview',
    `Preview: ${basename(document.uri.fsPath || document.uri.path)}`,
    vscode.ViewColumn.Beside,
    { enableScripts: true, retainContextWhenHidden: true },
  );
  panel.webview.html = previewHtml(randomBytes(16).toString('base64'), panel.webview.cspSource);

  let inputs: Record<string, unknown> = {};
  let typed: Record<string, string> = {};
  let generation = 0;
  let runId: string | null = null;
  let timer: NodeJS.Timeout | undefined;
  const post = (message: object) => void panel.webview.postMessage(message);
  const params = (): PreviewPromptsParams => ({ uri, inputs, ...(cwd ? { cwd } : {}) });

  const refresh = async () => {
    const mine = ++generation;
    const [declared, result] = await Promise.all([
      client.sendRequest<FlowInputsResult>(flowInputsRequest, { uri }),
      client.sendRequest<PreviewPromptsResult>(previewPromptsRequest, params()),
    ]).catch((error: unknown) => [null, failed(error)] as const);
    if (mine !== generation) return;
    if (declared) post({ type: 'form', inputs: withTyped(declared.inputs, typed) });
    post({ type: 'preview', result });
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), DEBOUNCE_MS);
  };
  const run = async () => {
    ++generation;
    const id = (runId = randomBytes(8).toString('hex'));
    post({ type: 'running' });
    const result = await client
      .sendRequest<PreviewPromptsResult>(previewPromptsRequest, {
        ...params(),
        run: true,
        runId: id,
      })
      .catch(failed);
    if (runId === id) post({ type: 'preview', result });
  };

  const subscriptions = [
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.uri.toString() === uri) schedule();
    }),
    client.onNotification(previewCallNotification, (notification: PreviewCallParams) => {
      if (notification.uri === uri && notification.runId === runId)
        post({ type: 'call', call: notification.call });
    }),
    panel.webview.onDidReceiveMessage((message: PageMessage) => {
      switch (message.type) {
        case 'ready':
          void refresh();
          return;
        case 'inputs':
          typed = Object.fromEntries(
            Object.entries(message.values).map(([name, value]) => [name, value.text]),
          );
          inputs = inputValues(message.values);
          // The field typed in is redrawn as it is: only the prompts change.
          runId = null;
          schedule();
          return;
        case 'run':
          void run();
          return;
        case 'reveal':
          if (message.path !== null && message.line !== null)
            void reveal(message.path, message.line);
          return;
      }
    }),
  ];
  panel.onDidDispose(() => {
    clearTimeout(timer);
    for (const subscription of subscriptions) subscription.dispose();
  });
  return panel;
}

/**
 * The inputs as the flow takes them: a string input as typed, any other as JSON when it parses
 * (else as typed, which the flow reports); an empty field keeps the default.
 */
export function inputValues(
  values: Record<string, { text: string; type: string }>,
): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const [name, { text, type }] of Object.entries(values)) {
    if (text === '') continue;
    if (type === 'string') {
      inputs[name] = text;
      continue;
    }
    try {
      inputs[name] = JSON.parse(text) as unknown;
    } catch {
      inputs[name] = text;
    }
  }
  return inputs;
}

/** The declared inputs with what the user typed so far, so a redrawn form keeps it. */
function withTyped(inputs: readonly FlowInput[], typed: Record<string, string>) {
  return inputs.map((input) => ({ ...input, value: typed[input.name] ?? '' }));
}

/** A preview that could not be made (the server failed or stopped), as the page shows one. */
function failed(error: unknown): PreviewPromptsResult {
  return {
    ran: false,
    calls: [],
    text: null,
    error: error instanceof Error ? error.message : String(error),
    placeholderInputs: [],
  };
}

/** Shows a call block's line in its file. */
async function reveal(path: string, line: number): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path));
  const position = new vscode.Position(line, 0);
  await vscode.window.showTextDocument(document, {
    viewColumn: vscode.ViewColumn.One,
    selection: new vscode.Range(position, position),
  });
}
