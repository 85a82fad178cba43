import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspClient, fixtureUri, positionOfText, type InitializeResult } from './lsp-client.js';

let client: LspClient;
let initialized: InitializeResult;

beforeAll(async () => {
  ({ client, result: initialized } = await LspClient.start());
});
afterAll(async () => {
  expect(await client.stop()).toBe(0);
});

describe('ot lsp --stdio: the session', () => {
  test('initialize announces incremental sync and every feature', () => {
    const capabilities = initialized.capabilities;
    expect(capabilities['textDocumentSync']).toBe(2);
    for (const provider of [
      'completionProvider',
      'hoverProvider',
      'definitionProvider',
      'referencesProvider',
      'renameProvider',
      'documentSymbolProvider',
      'foldingRangeProvider',
      'semanticTokensProvider',
      'documentFormattingProvider',
      'documentRangeFormattingProvider',
      'inlayHintProvider',
      'codeLensProvider',
    ]) {
      expect(capabilities, provider).toHaveProperty(provider);
    }
    expect(initialized.serverInfo?.name).toBe('ot-language-server');
  });

  test('a clean file gets no diagnostics', async () => {
    const uri = fixtureUri('story.ot');
    await client.open(uri, readFileSync(fileURLToPath(uri), 'utf8'));
    const published = await client.diagnostics(uri);
    expect(published.diagnostics).toEqual([]);
    await client.close(uri);
  });

  test('diagnostics follow edits, with codes linked to their docs', async () => {
    const uri = fixtureUri('edited.ot');
    const text = 'Hello {{ name }}!\n';
    await client.open(uri, text, 1);
    const first = await client.diagnostics(uri, (p) => p.version === 1);
    expect(first.diagnostics).toEqual([
      {
        range: { start: { line: 0, character: 9 }, end: { line: 0, character: 13 } },
        severity: 2,
        code: 'OT2003',
        codeDescription: {
          href: 'https://github.com/ot-lang/ot/blob/main/docs/diagnostics.md#ot2003',
        },
        source: 'ot',
        message: 'undefined variable `name`',
        // For the quick fixes: the name, and no known name close to it.
        data: { name: 'name', suggestion: null },
      },
    ]);

    // Declare the input: the warning goes away.
    await client.change(uri, 2, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        text: '---\ninput:\n  name: string\n---\n',
      },
    ]);
    const second = await client.diagnostics(uri, (p) => p.version === 2);
    expect(second.diagnostics).toEqual([]);

    // Break a tag: a syntax error at the right place.
    const broken = 'Hello {{ name }}!\n';
    const at = positionOfText('---\ninput:\n  name: string\n---\n' + broken, '!');
    await client.change(uri, 3, [
      {
        range: { start: at, end: { line: at.line, character: at.character + 1 } },
        text: ' {% if %}',
      },
    ]);
    const third = await client.diagnostics(uri, (p) => p.version === 3);
    expect(third.diagnostics.length).toBeGreaterThan(0);
    expect(third.diagnostics.every((d) => String(d.code).startsWith('OT1'))).toBe(true);
    expect(third.diagnostics[0]!.range.start.line).toBe(4);

    // Several quick edits: the last version wins.
    await client.change(uri, 4, [{ text: 'A' }]);
    await client.change(uri, 5, [{ text: '{{ missing }}' }]);
    const last = await client.diagnostics(uri, (p) => p.version === 5);
    expect(last.diagnostics.map((d) => d.code)).toEqual(['OT2003']);
    await client.close(uri);
  });

  test('a missing included file is reported where it is named', async () => {
    const uri = fixtureUri('includes-missing.ot');
    await client.open(uri, 'Before {% include "no-such-file.ot" %} after\n');
    const published = await client.diagnostics(uri);
    expect(published.diagnostics.map((d) => [d.code, d.range.start.character])).toEqual([
      ['OT2013', 18],
    ]);
    await client.close(uri);
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = fixtureUri('closed.ot');
    await client.open(uri, '{{ nobody }}');
    await client.diagnostics(uri, (p) => p.diagnostics.length === 1);
    await client.close(uri);
    const cleared = await client.diagnostics(uri, (p) => p.diagnostics.length === 0);
    expect(cleared.version).toBeUndefined();
  });

  test('`ot lsp` without --stdio is bad usage', () => {
    const run = spawnSync(process.execPath, ['bin/ot.js', 'lsp'], {
      cwd: fileURLToPath(new URL('../../', import.meta.url)),
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--stdio');
  });
});
