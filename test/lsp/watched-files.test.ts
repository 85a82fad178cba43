import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspClient, defaultCapabilities, type PublishedDiagnostics } from './lsp-client.js';

/** VS Code's capabilities, plus what makes the server register its file watchers. */
const capabilities = {
  ...defaultCapabilities,
  workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
};

/** `workspace/didChangeWatchedFiles` change types. */
const created = 1;
const changed = 2;
const deleted = 3;

let client: LspClient;
let dir: string;
const pathOf = (name: string) => join(dir, name);
const uriOf = (name: string) => pathToFileURL(pathOf(name)).href;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ot-lsp-watch-'));
  mkdirSync(join(dir, 'project'));
  mkdirSync(join(dir, 'shared'));
  ({ client } = await LspClient.start(capabilities, pathToFileURL(dir).href));
});
afterAll(async () => {
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes a file on disk and tells the server, as an editor's file watcher does. */
async function writeOnDisk(name: string, text: string, type = changed): Promise<void> {
  writeFileSync(pathOf(name), text);
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: uriOf(name), type }],
  });
}

const codes = (p: PublishedDiagnostics) => p.diagnostics.map((d) => d.code);

describe('files that change on disk', () => {
  test('the server registers watchers for flows and YAML (config, fake backends)', async () => {
    // The registration follows `initialized`; a request made after it is answered after it.
    await client.request('textDocument/hover', {
      textDocument: { uri: uriOf('none.ot') },
      position: { line: 0, character: 0 },
    });
    const registration = client.registrations.find(
      (r) => r.method === 'workspace/didChangeWatchedFiles',
    );
    expect(registration?.registerOptions).toEqual({
      watchers: [
        { globPattern: '**/*.ot' },
        { globPattern: '**/*.yaml' },
        { globPattern: '**/*.yml' },
      ],
    });
  });

  test('a flow() callee changed on disk: its caller is checked again', async () => {
    writeFileSync(pathOf('project/lib.ot'), '---\ninput:\n  topic: string\n---\n{{ topic }}\n');
    const main = '<< flow("lib.ot", topic="tea") >>\n';
    await client.open(uriOf('project/main.ot'), main);
    expect(codes(await client.diagnostics(uriOf('project/main.ot')))).toEqual([]);
    // The callee renames its input: the call now gives an unknown one and misses the new one.
    await writeOnDisk('project/lib.ot', '---\ninput:\n  subject: string\n---\n{{ subject }}\n');
    const after = await client.diagnostics(
      uriOf('project/main.ot'),
      (p) => p.diagnostics.length > 0,
    );
    expect(after.diagnostics.map((d) => d.message).sort()).toEqual([
      'flow: `lib.ot` has no input `topic`; its inputs: subject',
      'flow: missing required input `subject` of `lib.ot`',
    ]);
    await writeOnDisk('project/lib.ot', '---\ninput:\n  topic: string\n---\n{{ topic }}\n');
    await client.diagnostics(uriOf('project/main.ot'), (p) => p.diagnostics.length === 0);
  });

  test('an included file created, then deleted', async () => {
    const uri = uriOf('project/page.ot');
    await client.open(uri, 'Intro\n{% include "later.ot" %}\n');
    expect(codes(await client.diagnostics(uri))).toEqual(['OT2013']);
    await writeOnDisk('project/later.ot', 'Later\n', created);
    await client.diagnostics(uri, (p) => p.diagnostics.length === 0);
    unlinkSync(pathOf('project/later.ot'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf('project/later.ot'), type: deleted }],
    });
    expect(codes(await client.diagnostics(uri, (p) => p.diagnostics.length > 0))).toEqual([
      'OT2013',
    ]);
  });

  test('ot.config.yaml changed: the flows below it are checked under the new roots', async () => {
    writeFileSync(pathOf('shared/tone.ot'), 'Be brief.\n');
    const uri = uriOf('project/uses-shared.ot');
    await client.open(uri, '{% include "../shared/tone.ot" %}\n');
    expect(codes(await client.diagnostics(uri))).toEqual(['OT2018']);
    await writeOnDisk('project/ot.config.yaml', 'include_roots: [../shared]\n', created);
    await client.diagnostics(uri, (p) => p.diagnostics.length === 0);
  });

  test("a flow's fake backend file changed: the flow is checked again", async () => {
    writeFileSync(pathOf('project/replies.yaml'), 'default: hi\n');
    const uri = uriOf('project/offline.ot');
    await client.open(uri, '---\nbackend: fake:replies.yaml\n---\n<< generate_text("x") >>\n');
    await client.diagnostics(uri);
    const before = client.publishedCount(uri);
    await writeOnDisk('project/replies.yaml', 'default: hello\n');
    await client.diagnostics(uri, () => client.publishedCount(uri) > before);
    expect(client.publishedCount(uri)).toBeGreaterThan(before);
  });

  test('a flow() callee edited in another open buffer: its caller is checked again', async () => {
    const lib = uriOf('project/lib.ot');
    await client.open(lib, '---\ninput:\n  topic: string\n---\n{{ topic }}\n');
    await client.change(lib, 2, [{ text: '---\ninput:\n  mood: string\n---\n{{ mood }}\n' }]);
    const after = await client.diagnostics(uriOf('project/main.ot'), (p) =>
      p.diagnostics.some((d) => d.message.includes('mood')),
    );
    expect(after.diagnostics.map((d) => d.message)).toContain(
      'flow: missing required input `mood` of `lib.ot`',
    );
    // Closed without saving: the file on disk counts again.
    await client.close(lib);
    await client.diagnostics(uriOf('project/main.ot'), (p) => p.diagnostics.length === 0);
  });
});
