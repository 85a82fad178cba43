import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspClient, fixtureUri } from './lsp-client.js';

let client: LspClient;

beforeAll(async () => {
  ({ client } = await LspClient.start());
}, 60_000);
afterAll(async () => {
  expect(await client.stop()).toBe(0);
});

describe('ot lsp --stdio: hostile documents', () => {
  test('400 KB of `{` gets a capped list of diagnostics published', async () => {
    // 200,000 tokens: under MAX_TOKENS, so the whole file is parsed.
    const uri = fixtureUri('hostile-braces.ot');
    await client.open(uri, '{'.repeat(400_000));
    const published = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    const codes = published.diagnostics.map((d) => d.code);
    expect(codes).toHaveLength(101);
    expect(codes.slice(0, 100)).toEqual(Array<string>(100).fill('OT1002'));
    expect(published.diagnostics.at(-1)).toMatchObject({
      code: 'OT1014',
      message: 'and 199900 more errors in this file (only the first 100 are reported)',
    });
    await client.close(uri);
  }, 180_000);

  test('a file past the token limit gets its one OT1017 published', async () => {
    const uri = fixtureUri('hostile-many-tokens.ot');
    await client.open(uri, '{'.repeat(1_000_000));
    const published = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    expect(published.diagnostics).toHaveLength(1);
    expect(published.diagnostics[0]).toMatchObject({
      code: 'OT1017',
      range: { start: { line: 0, character: 500_000 } },
    });
    await client.close(uri);
  }, 180_000);
});
