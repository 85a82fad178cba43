import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createFakeVscode, documentFromDisk, type FakeState } from './fake-vscode.js';

/**
 * The extension's activation, run from its bundle (dist/extension.cjs, what VS Code loads) with
 * the `vscode` module replaced by a fake and nothing else: the real language client starts the
 * real bundled server, and the commands run the real bundled `ot` command.
 */

const extensionPath = fileURLToPath(new URL('../../vscode-extension/', import.meta.url));
const samples = fileURLToPath(new URL('../../samples/', import.meta.url));

interface ExtensionModule {
  activate(context: {
    extensionPath: string;
    subscriptions: { dispose(): unknown }[];
  }): Promise<void>;
  deactivate(): Promise<void>;
}

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleInternals = Module as unknown as { _load: Loader };
const originalLoad = moduleInternals._load;

let state: FakeState;
let extension: ExtensionModule;
let workDir: string;
const context = { extensionPath, subscriptions: [] as { dispose(): unknown }[] };

beforeAll(async () => {
  const fake = createFakeVscode();
  state = fake.state;
  // The module boundary: `require('vscode')` (made by the bundle, and by the language client
  // inside it) gets the fake; every other module is the real one.
  moduleInternals._load = function (request, parent, isMain) {
    return request === 'vscode' ? fake.vscode : originalLoad.call(this, request, parent, isMain);
  };
  workDir = mkdtempSync(join(tmpdir(), 'ot-vscode-'));
  writeFileSync(join(workDir, 'hello.ot'), 'Hello {{ name }}!\n');
  for (const file of ['qa-chain.ot', 'qa-chain.fake.yaml'])
    copyFileSync(join(samples, file), join(workDir, file));
  state.documents.push(documentFromDisk(join(workDir, 'hello.ot')));

  const require = createRequire(import.meta.url);
  extension = require(join(extensionPath, 'dist', 'extension.cjs')) as ExtensionModule;
  await extension.activate(context);
});

afterAll(async () => {
  await extension?.deactivate();
  for (const disposable of context.subscriptions) disposable.dispose();
  moduleInternals._load = originalLoad;
  rmSync(workDir, { recursive: true, force: true });
});

/** Resolves when `test` holds for the fake's state, checking after every diagnostics change. */
function eventually(check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (check()) return resolve();
    const subscription = state.diagnosticsChanged.event(() => {
      if (check()) {
        subscription.dispose();
        resolve();
      }
    });
  });
}

describe('the VS Code extension', () => {
  test('registers its commands and starts the language server', () => {
    expect([...state.commands.keys()].sort()).toEqual([
      'ot.previewPrompts',
      'ot.runFlow',
      'ot.showPlan',
    ]);
    // The client registered the server's features with VS Code.
    for (const kind of [
      'CompletionItemProvider',
      'HoverProvider',
      'DocumentFormattingEditProvider',
      'InlayHintsProvider',
      'CodeLensProvider',
    ]) {
      expect(state.providers.get(kind), kind).toBeGreaterThan(0);
    }
    expect(context.subscriptions.length).toBeGreaterThanOrEqual(4);
  });

  test('an open .ot document gets the server diagnostics', async () => {
    const uri = pathToFileURL(join(workDir, 'hello.ot')).href;
    await eventually(() => (state.diagnostics.get(uri)?.length ?? 0) > 0);
    const [diagnostic] = state.diagnostics.get(uri)!;
    expect(diagnostic!.message).toBe('undefined variable `name`');
    expect(diagnostic!.range.start).toMatchObject({ line: 0, character: 9 });
  });

  test('"ot: Show plan" shows the Mermaid graph and the plan in words', async () => {
    const uri = pathToFileURL(join(workDir, 'qa-chain.ot')).href;
    await state.commands.get('ot.showPlan')!(uri);
    const page = state.webviews.at(-1)!;
    expect(page.title).toBe('Plan: qa-chain.ot');
    expect(page.html).toContain('<pre class="mermaid">graph TD');
    expect(page.html).toContain('c1 --&gt;');
    expect(page.html).toContain('stage 3');
    // The graph is drawn by the Mermaid the extension ships, never one from the network.
    expect(page.html).toContain(
      `<script src="${pathToFileURL(join(extensionPath, 'dist/webview/plan-graph.js')).href}"></script>`,
    );
    expect(page.html).not.toMatch(/https?:/);
    expect(page.html.indexOf('<pre class="mermaid">')).toBeLessThan(
      page.html.indexOf('plan in words'),
    );
  });

  test('"ot: Run flow" asks for the inputs, runs the flow and shows text, outputs and trace', async () => {
    const uri = pathToFileURL(join(workDir, 'qa-chain.ot')).href;
    state.inputAnswers.push(''); // keep the default country
    await state.commands.get('ot.runFlow')!(uri);
    expect(state.inputPrompts).toEqual(['country (string, default "France")']);
    const output = state.output.get('ot')!;
    expect(output).toContain('▶ ot run qa-chain.ot');
    // The replies stream into the output (`ot run --stream`), before the text of the run.
    expect(output).toMatch(
      /── generate_text at \S*qa-chain\.ot:7:\d+ \(fake:qa-chain\.fake\.yaml\)\n Menton\n[^]*── text ──/,
    );
    expect(output).toContain('── text ──\nWhat is the southernmost city in France?  Menton');
    expect(output).toContain('"born": " 1956."');
    expect(output).toMatch(/qa-chain\.ot:7:\d+ {2}generate_text on fake:qa-chain\.fake\.yaml/);
    expect(output).toContain('reply:  Menton');
    expect(output).toContain('✔ done');
  });

  test('a run with a typed input passes it to the flow; cancelling an input runs nothing', async () => {
    const uri = pathToFileURL(join(workDir, 'qa-chain.ot')).href;
    state.inputAnswers.push('Atlantis');
    await state.commands.get('ot.runFlow')!(uri);
    expect(state.output.get('ot')).toContain('▶ ot run qa-chain.ot country=Atlantis');
    expect(state.output.get('ot')).toContain('I do not know that country well.');

    const before = state.output.get('ot');
    state.inputAnswers.push(undefined);
    await state.commands.get('ot.runFlow')!(uri);
    expect(state.output.get('ot')).toBe(before);
  });

  test('a failing run reports the error', async () => {
    writeFileSync(
      join(workDir, 'broken.ot'),
      '---\ninput:\n  n: integer\n---\n<< generate_text(max_tokens=n) >>\n',
    );
    state.inputAnswers.push('3');
    await state.commands.get('ot.runFlow')!(pathToFileURL(join(workDir, 'broken.ot')).href);
    expect(state.output.get('ot')).toMatch(/✖ the run failed \(exit code 1\)/);
    expect(state.messages.at(-1)).toBe('error: ot: broken.ot failed; see the "ot" output.');
  });

  test('"ot: Preview prompts" shows each prompt as the inputs change, and Run shows the replies', async () => {
    const uri = pathToFileURL(join(workDir, 'qa-chain.ot')).href;
    await state.commands.get('ot.previewPrompts')!(uri);
    const page = state.webviews.at(-1)!;
    expect(page.title).toBe('Preview: qa-chain.ot');
    expect(page.html).toMatch(/<script nonce="[^"]+">/);
    type Preview = {
      result: { ran: boolean; calls: { prompt: string; status: string; reply: unknown }[] };
    };
    /** The next `preview` message the extension posts that passes `test`. */
    const next = (test: (message: Preview) => boolean = () => true) =>
      new Promise<Preview>((resolve) => {
        const subscription = page.postedChanged.event((message) => {
          const m = message as Preview & { type: string };
          if (m.type === 'preview' && test(m)) {
            subscription.dispose();
            resolve(m);
          }
        });
      });
    const previewed = (country: string) =>
      next((m) => m.result.calls[0]?.prompt.includes(country) === true);

    let shown = next();
    page.receive({ type: 'ready' });
    const first = await shown;
    expect(page.posted).toContainEqual({
      type: 'form',
      inputs: [expect.objectContaining({ name: 'country', default: 'France', value: '' })],
    });
    expect(first.result.calls[0]!.prompt).toBe('What is the southernmost city in France? ');

    shown = previewed('Spain');
    page.receive({ type: 'inputs', values: { country: { text: 'Spain', type: 'string' } } });
    const dry = await shown;
    expect(dry.result.calls.map((c) => c.status)).toEqual([
      'placeholder',
      'placeholder',
      'placeholder',
    ]);
    expect(dry.result.calls[1]!.prompt).toContain('Who is the mayor of <generate_text');

    const run = next((m) => m.result.ran);
    page.receive({ type: 'run' });
    const ran = await run;
    expect(ran.result.calls.map((c) => [c.status, c.reply])).toEqual([
      ['called', ' I do not know that country well.'],
      ['called', ' I am not sure.'],
      ['called', ' I am not sure.'],
    ]);
    expect(page.posted.filter((m) => (m as { type: string }).type === 'call')).toHaveLength(3);
  });
});
