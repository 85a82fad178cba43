import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspClient, fixturePath, fixtureUri, positionOfText, type Position } from './lsp-client.js';

interface DocumentSymbol {
  name: string;
  kind: number;
  detail?: string;
  children?: DocumentSymbol[];
}

let client: LspClient;
let legend: { tokenTypes: string[]; tokenModifiers: string[] };
const uri = fixtureUri('story.ot');
const text = readFileSync(fixturePath('story.ot'), 'utf8');

beforeAll(async () => {
  const started = await LspClient.start();
  client = started.client;
  legend = (started.result.capabilities['semanticTokensProvider'] as { legend: typeof legend })
    .legend;
  await client.open(uri, text);
});
afterAll(async () => {
  await client.stop();
});

describe('document symbols', () => {
  test('inputs, schemas, bound names, macros, forks with their branches', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri },
    });
    const outline = (list: DocumentSymbol[]): unknown[] =>
      list.map((s) =>
        s.children && s.children.length > 0
          ? { [`${s.name} (${s.detail})`]: outline(s.children) }
          : `${s.name} (${s.detail})`,
      );
    expect(outline(symbols)).toEqual([
      'topic (input: string)',
      'count (input: {type: integer, default: 2})',
      'Character (schema)',
      'title (set)',
      'shout (macro shout(text, times=…))',
      'opening (generate_text)',
      'beat (generate_text)',
      {
        'fork (2 branches)': [
          { 'branch 1 ()': ['hero (generate_object)'] },
          { 'branch 2 ()': ['villain (generate_object)'] },
        ],
      },
      'hello (flow)',
      'ending (generate_text)',
    ]);
  });
});

describe('folding ranges', () => {
  test('front matter, a multi-line comment and block tags, each closing tag left visible', async () => {
    const source =
      '---\ninput:\n  a: string\n---\n{# one\ntwo #}\n{% if a %}\nyes\n{% elif b %}\nmaybe\n{% else %}\nno\n{% endif %}\n{% fork %}\n{% branch %}\nx\n{% endbranch %}\n{% endfork %}\n';
    const foldUri = fixtureUri('folding.ot');
    await client.open(foldUri, source);
    const ranges = await client.request<{ startLine: number; endLine: number; kind?: string }[]>(
      'textDocument/foldingRange',
      {
        textDocument: { uri: foldUri },
      },
    );
    expect(ranges).toEqual([
      { startLine: 0, endLine: 3 },
      { startLine: 4, endLine: 5, kind: 'comment' },
      { startLine: 6, endLine: 7, kind: 'region' },
      { startLine: 8, endLine: 9, kind: 'region' },
      { startLine: 10, endLine: 11, kind: 'region' },
      { startLine: 13, endLine: 16, kind: 'region' },
      { startLine: 14, endLine: 15, kind: 'region' },
    ]);
    await client.close(foldUri);
  });
});

describe('semantic tokens', () => {
  /** Decodes the relative encoding into `line:char name type[modifiers]` rows. */
  async function tokens(): Promise<string[]> {
    const result = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', {
      textDocument: { uri },
    });
    const rows: string[] = [];
    let line = 0;
    let character = 0;
    const lines = text.split('\n');
    for (let i = 0; i < result.data.length; i += 5) {
      const [deltaLine, deltaStart, length, type, modifiers] = result.data.slice(i, i + 5) as [
        number,
        number,
        number,
        number,
        number,
      ];
      line += deltaLine;
      character = deltaLine === 0 ? character + deltaStart : deltaStart;
      const names = legend.tokenModifiers.filter((_, bit) => modifiers & (1 << bit));
      rows.push(
        `${lines[line]!.slice(character, character + length)} ${legend.tokenTypes[type]}${names.length ? `[${names.join(',')}]` : ''}`,
      );
    }
    return rows;
  }

  test('inputs are readonly, call results are marked, builtins/filters/tests are library functions', async () => {
    const rows = await tokens();
    expect(rows).toContain('topic variable[declaration,readonly]');
    expect(rows).toContain('topic variable[readonly]');
    expect(rows).toContain('opening variable[declaration,callResult]');
    expect(rows).toContain('hero variable[callResult]');
    expect(rows).toContain('generate_text function[defaultLibrary]');
    expect(rows).toContain('upper function[defaultLibrary]');
    expect(rows).toContain('defined function[defaultLibrary]');
    expect(rows).toContain('shout function[declaration]');
    expect(rows).toContain('shout function');
    expect(rows).toContain('text parameter[declaration]');
    expect(rows).toContain('max_tokens parameter');
    expect(rows).toContain('range function[defaultLibrary]');
    expect(rows).toContain('loop variable[defaultLibrary]');
    expect(rows).toContain('index property');
    expect(rows).toContain('name property');
  });
});

describe('positions', () => {
  test('columns count UTF-16 code units, as LSP does by default', async () => {
    const emojiUri = fixtureUri('emoji.ot');
    const source = '---\ninput:\n  who: string\n---\n🎉 {{ who }} {{ nope }}\n';
    await client.open(emojiUri, source);
    const published = await client.diagnostics(emojiUri);
    const start: Position = positionOfText(source, 'nope');
    expect(published.diagnostics[0]?.range.start).toEqual(start);
    expect(start.character).toBe(16); // 🎉 counts two UTF-16 units
    await client.close(emojiUri);
  });
});
