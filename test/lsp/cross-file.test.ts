import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspClient, positionOfText, withCursor, type Position } from './lsp-client.js';

interface Range {
  start: Position;
  end: Position;
}
interface TextEdit {
  range: Range;
  newText: string;
}

/**
 * A workspace of flows in a temp dir: `lib/summarize.ot` declares inputs, `main.ot` (open) and
 * `batch/report.ot` (never opened: only on disk) call it.
 */
const summarize =
  '---\ndescription: Summarizes a text.\ninput:\n  text: string\n  words: {type: integer, default: 50}\n---\nSummarize in {{ words }} words: {{ text }}\n<< generate_text() >>\n';
const main =
  '<< draft = generate_text("write") >>\n<< short = flow("lib/summarize.ot", text=draft, words=20) >>\n<< other = generate_text("x") >>\n';
const report = '<< flow("../lib/summarize.ot", text="t") >>\n{{ text }}\n';

let client: LspClient;
let dir: string;
const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ot-lsp-xfile-'));
  mkdirSync(join(dir, 'lib'));
  mkdirSync(join(dir, 'batch'));
  writeFileSync(join(dir, 'lib/summarize.ot'), summarize);
  writeFileSync(join(dir, 'main.ot'), main);
  writeFileSync(join(dir, 'batch/report.ot'), report);
  ({ client } = await LspClient.start(undefined, pathToFileURL(dir).href));
  await client.open(uriOf('main.ot'), main);
});
afterAll(async () => {
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
});

const at = (needle: string, delta = 0) => ({
  textDocument: { uri: uriOf('main.ot') },
  position: positionOfText(main, needle, delta),
});

/** Applies edits to a text. */
function apply(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: Position) =>
    lines.slice(0, p.line).reduce((sum, line) => sum + line.length + 1, 0) + p.character;
  let result = text;
  for (const edit of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    result =
      result.slice(0, offset(edit.range.start)) +
      edit.newText +
      result.slice(offset(edit.range.end));
  }
  return result;
}

describe('flows across files', () => {
  test('flow("x.ot", |) completes the called flow\'s inputs, minus those given', async () => {
    const { text, position } = withCursor('<< flow("lib/summarize.ot", ‸) >>\n');
    const uri = uriOf('complete.ot');
    await client.open(uri, text);
    const items = await client.request<{ label: string; detail?: string }[]>(
      'textDocument/completion',
      { textDocument: { uri }, position },
    );
    const inputs = items.filter((item) => item.detail?.startsWith('input of'));
    expect(inputs.map((item) => [item.label, item.detail])).toEqual([
      ['text=', 'input of lib/summarize.ot (required): string'],
      ['words=', 'input of lib/summarize.ot: {type: integer, default: 50}'],
    ]);
    const given = withCursor('<< flow("lib/summarize.ot", text="a", ‸) >>\n');
    await client.change(uri, 2, [{ text: given.text }]);
    const rest = await client.request<{ label: string; detail?: string }[]>(
      'textDocument/completion',
      { textDocument: { uri }, position: given.position },
    );
    expect(rest.filter((i) => i.detail?.startsWith('input of')).map((i) => i.label)).toEqual([
      'words=',
    ]);
    await client.close(uri);
  });

  test("go to an input's declaration in the called file", async () => {
    const location = await client.request<{ uri: string; range: Range }>(
      'textDocument/definition',
      at('words=20', 1),
    );
    expect(location.uri).toBe(uriOf('lib/summarize.ot'));
    expect(location.range.start).toEqual(positionOfText(summarize, 'words:'));
  });

  test("hover an input: its declared type, from the called file's front matter", async () => {
    const hover = await client.request<{ contents: { value: string } }>(
      'textDocument/hover',
      at('text=draft', 1),
    );
    expect(hover.contents.value).toContain(
      `(input of ${join(dir, 'lib/summarize.ot')}) text: string`,
    );
    expect(hover.contents.value).toContain('required');
    expect(hover.contents.value).toContain('Summarizes a text.');
  });

  test('renaming an input at a caller renames it in the flow and in every caller, opened or not', async () => {
    const prepared = await client.request<{ range: Range; placeholder: string }>(
      'textDocument/prepareRename',
      at('text=draft', 1),
    );
    expect(prepared.placeholder).toBe('text');
    const edit = await client.request<{ changes: Record<string, TextEdit[]> }>(
      'textDocument/rename',
      { ...at('text=draft', 1), newName: 'body' },
    );
    expect(Object.keys(edit.changes).sort()).toEqual(
      [uriOf('batch/report.ot'), uriOf('lib/summarize.ot'), uriOf('main.ot')].sort(),
    );
    expect(apply(summarize, edit.changes[uriOf('lib/summarize.ot')]!)).toBe(
      summarize.replace('  text: string', '  body: string').replace('{{ text }}', '{{ body }}'),
    );
    expect(apply(main, edit.changes[uriOf('main.ot')]!)).toBe(
      main.replace('text=draft', 'body=draft'),
    );
    // The unopened caller's `{{ text }}` is its own variable: only the keyword changes.
    expect(apply(report, edit.changes[uriOf('batch/report.ot')]!)).toBe(
      report.replace('text="t"', 'body="t"'),
    );
  });

  test('renaming an input in its own file reaches the callers too', async () => {
    const uri = uriOf('lib/summarize.ot');
    await client.open(uri, summarize);
    const edit = await client.request<{ changes: Record<string, TextEdit[]> }>(
      'textDocument/rename',
      { textDocument: { uri }, position: positionOfText(summarize, 'words }}', 1), newName: 'n' },
    );
    expect(apply(summarize, edit.changes[uri]!)).toBe(
      summarize.replace('  words:', '  n:').replace('{{ words }}', '{{ n }}'),
    );
    expect(apply(main, edit.changes[uriOf('main.ot')]!)).toBe(main.replace('words=20', 'n=20'));
    // report.ot does not give `words`.
    expect(edit.changes[uriOf('batch/report.ot')]).toBeUndefined();
    expect(readFileSync(join(dir, 'batch/report.ot'), 'utf8')).toBe(report);
    await client.close(uri);
  });

  test('a flow() call block gets its plan hint: the stages of its calls', async () => {
    const hints = await client.request<{ position: Position; label: string; tooltip?: string }[]>(
      'textDocument/inlayHint',
      {
        textDocument: { uri: uriOf('main.ot') },
        range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } },
      },
    );
    expect(hints.map((hint) => [hint.position.line, hint.label])).toEqual([
      [0, 'stage 1 · runs with 1 other'],
      [1, 'stage 2 · flow summarize.ot: 1 call · runs alone'],
      [2, 'stage 1 · runs with 1 other'],
    ]);
    expect(hints[1]!.tooltip).toContain('generate_text (summarize.ot): stage 2');
    // Hover on the name the flow block binds shows the stage too.
    const hover = await client.request<{ contents: { value: string } }>(
      'textDocument/hover',
      at('short =', 1),
    );
    expect(hover.contents.value).toContain('stage 2 · flow summarize.ot: 1 call');
  });
});
