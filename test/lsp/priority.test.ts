import { afterAll, beforeAll, expect, test } from 'vitest';
import { LspClient } from './lsp-client.js';

// Diagnostics never wait behind a plan: checks and plans have a worker each, and a new version
// of a document cancels the plan still running for the old one. Ordering, not timing.

let client: LspClient;

beforeAll(async () => {
  ({ client } = await LspClient.start());
});
afterAll(async () => {
  await client.stop();
});

/** A flow whose plan takes seconds: every call waits for all the calls before it (n² waits). */
function largeFlow(calls: number): string {
  const lines: string[] = [];
  for (let i = 0; i < calls; i++) lines.push(`Step ${i}: {{ "x" | upper }} << generate_text() >>`);
  return `${lines.join('\n')}\n`;
}

type Hint = { label: string };

test("a small file's diagnostics are published while a large file's plan is still being made", async () => {
  const large = 'untitled:large-plan.ot';
  const small = 'untitled:small.ot';
  await client.open(large, largeFlow(600), 1);
  let hintsAnswered = false;
  const hints = client
    .request<Hint[] | null>('textDocument/inlayHint', {
      textDocument: { uri: large },
      range: { start: { line: 0, character: 0 }, end: { line: 600, character: 0 } },
    })
    .finally(() => {
      hintsAnswered = true;
    });
  await client.open(small, 'Hello {{ name | nosuchfilter }}\n', 1);
  const published = await client.diagnostics(small, (p) => p.diagnostics.length > 0);
  expect(published.diagnostics.map((d) => d.code)).toContain('OT2006');
  expect(hintsAnswered).toBe(false);
  expect((await hints)?.length).toBe(600);
  await client.close(large);
  await client.close(small);
});

test('a new version cancels the plan of the old one, and its diagnostics arrive', async () => {
  const uri = 'untitled:edited.ot';
  await client.open(uri, largeFlow(600), 1);
  const stale = client.request<Hint[] | null>('textDocument/inlayHint', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 600, character: 0 } },
  });
  await client.change(uri, 2, [{ text: 'Now {{ x | nosuchfilter }}\n' }]);
  // The plan of version 1 is dropped (the editor asks again for version 2), not delivered late.
  expect(await stale).toBeNull();
  const published = await client.diagnostics(uri, (p) => p.version === 2);
  expect(published.diagnostics.map((d) => d.code)).toContain('OT2006');
  await client.change(uri, 3, [{ text: 'Now << generate_text() >>\n' }]);
  const fresh = await client.request<Hint[] | null>('textDocument/inlayHint', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } },
  });
  expect(fresh?.map((hint) => hint.label)).toEqual(['stage 1 · runs alone']);
  await client.close(uri);
});
