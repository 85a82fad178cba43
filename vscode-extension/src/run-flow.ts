import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { formatTrace } from './format-trace.js';
import { askForInputs } from './input-prompts.js';
import { flowInputsRequest, type FlowInputsResult } from '../../lsp/src/requests.js';
import { runCli } from './run-cli.js';
import { targetDocument } from './target-document.js';

/**
 * "ot: Run flow": saves the flow, asks for its inputs (declared in the front matter, as the
 * server reports them), runs it with the bundled `ot run --json --trace --stream`, and shows each
 * call's reply as it is generated (the streamed stderr, live), then the rendered text, the
 * outputs and the trace of every call in the output channel. Runs in the flow's
 * workspace folder, so the project's `ot.config.yaml` and `.ot-cache/` apply.
 */
export async function runFlow(
  client: LanguageClient,
  cli: string,
  output: vscode.OutputChannel,
  uriArgument: unknown,
): Promise<void> {
  const document = await targetDocument(uriArgument);
  if (!document) return;
  if (document.isUntitled) {
    void vscode.window.showErrorMessage('ot: save the flow to a file before running it.');
    return;
  }
  if (document.isDirty) await document.save();
  const declared = await client.sendRequest<FlowInputsResult>(flowInputsRequest, {
    uri: document.uri.toString(),
  });
  const flags = await askForInputs(declared.inputs);
  if (!flags) return;

  const path = document.uri.fsPath;
  const cwd = vscode.workspace.getWorkspaceFolder(document.uri)?.uri.fsPath ?? dirname(path);
  const traceDir = await mkdtemp(join(tmpdir(), 'ot-run-'));
  const tracePath = join(traceDir, 'trace.jsonl');
  output.show(true);
  output.appendLine(`▶ ot run ${basename(path)}${flags.map(([, value]) => ` ${value}`).join('')}`);
  try {
    let streamed = '';
    const result = await runCli(
      cli,
      ['run', path, '--json', '--trace', tracePath, '--stream', ...flags.flat()],
      cwd,
      (chunk) => {
        streamed += chunk;
        output.append(chunk);
      },
    );
    if (streamed !== '' && !streamed.endsWith('\n')) output.appendLine('');
    if (result.code !== 0) {
      output.appendLine(`✖ the run failed (exit code ${result.code})\n`);
      void vscode.window.showErrorMessage(`ot: ${basename(path)} failed; see the "ot" output.`);
      return;
    }
    const run = JSON.parse(result.stdout) as { text: string; outputs: Record<string, unknown> };
    output.appendLine('── text ──');
    output.appendLine(run.text);
    output.appendLine('── outputs ──');
    output.appendLine(JSON.stringify(run.outputs, null, 2));
    output.appendLine('── trace ──');
    output.append(formatTrace(await readFile(tracePath, 'utf8').catch(() => '')));
    output.appendLine(`✔ done\n`);
  } finally {
    await rm(traceDir, { recursive: true, force: true });
  }
}
