import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspClient, fixturePath, fixtureUri } from './lsp-client.js';

interface TextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

let client: LspClient;
let version = 0;

beforeAll(async () => {
  ({ client } = await LspClient.start());
});
afterAll(async () => {
  await client.stop();
});

const samplePath = (name: string) =>
  fileURLToPath(new URL(`../../samples/${name}`, import.meta.url));
const sampleUri = (name: string) => new URL(`../../samples/${name}`, import.meta.url).href;

/** Applies LSP edits to a text (edits do not overlap). */
function applyEdits(text: string, edits: TextEdit[]): string {
  const offset = (p: { line: number; character: number }) => {
    const lines = text.split('\n');
    return lines.slice(0, p.line).reduce((sum, l) => sum + l.length + 1, 0) + p.character;
  };
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce(
      (out, edit) =>
        out.slice(0, offset(edit.range.start)) + edit.newText + out.slice(offset(edit.range.end)),
      text,
    );
}

describe('the plan beside each call block', () => {
  async function hints(name: string): Promise<{ line: number; label: string; tooltip: string }[]> {
    const uri = sampleUri(name);
    const text = readFileSync(samplePath(name), 'utf8');
    await client.open(uri, text, ++version);
    const lines = text.split('\n').length;
    const result = await client.request<
      { position: { line: number }; label: string; tooltip: string }[]
    >('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } },
    });
    await client.close(uri);
    return result.map((hint) => ({
      line: hint.position.line,
      label: hint.label,
      tooltip: hint.tooltip,
    }));
  }

  test('a chain: each call waits for the one before', async () => {
    const found = await hints('qa-chain.ot');
    expect(found.map((h) => [h.line, h.label])).toEqual([
      [6, 'stage 1 · runs alone'],
      [7, 'stage 2 · runs alone'],
      [8, 'stage 3 · runs alone'],
    ]);
    expect(found[1]!.tooltip).toBe('c2 generate_text: waits for c1 (prefix)');
    expect(found[2]!.tooltip).toBe(
      'c3 generate_text: waits for 2 calls: c1 (prefix) and c2 (prefix)',
    );
    expect(found[0]!.tooltip).toBe('c1 generate_text: waits for nothing');
  });

  test('a fork: both branches in one stage, the verdict after them', async () => {
    const found = await hints('pros-cons.ot');
    expect(found.map((h) => h.label)).toEqual([
      'stage 1 · runs with 1 other',
      'stage 1 · runs with 1 other',
      'stage 2 · runs alone',
    ]);
  });

  test('tooltips and hovers summarise: a few waits named, the rest counted', async () => {
    // 400 calls, each in the prefix of all later ones: the last waits for 399 calls, and a macro
    // called 300 times plans its one block 300 times.
    const lines = ['{% macro ask(n) %}<< generate_text("q" ~ n) >>{% endmacro %}'];
    for (let i = 0; i < 400; i++) lines.push(`Line ${i}. << generate_text() >>`);
    for (let i = 0; i < 300; i++) lines.push(`{{ ask(${i}) }}`);
    const text = `${lines.join('\n')}\n`;
    const uri = 'untitled:many-calls.ot';
    await client.open(uri, text, ++version);
    const found = await client.request<
      { position: { line: number }; label: string; tooltip: string }[]
    >('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
    });
    const last = found.find((hint) => hint.position.line === 400)!;
    expect(last.tooltip).toMatch(
      /^c\d+ generate_text: waits for \d{3} calls: c\d+ \(prefix\), c\d+ \(prefix\), c\d+ \(prefix\) and \d{3} more$/,
    );
    const macroBlock = found.find((hint) => hint.position.line === 0)!;
    expect(macroBlock.tooltip.split('\n')).toHaveLength(6);
    expect(macroBlock.tooltip).toMatch(/\nand 295 more calls$/);
    for (const hint of found) expect(hint.tooltip.length).toBeLessThan(1000);
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 400, character: text.split('\n')[400]!.indexOf('generate_text') + 2 },
    });
    expect(hover === null || hover.contents.value.length < 2000).toBe(true);
    await client.close(uri);
  });

  test('a loop: the call repeats once per item', async () => {
    const found = await hints('map-reduce.ot');
    // `documents` has a default of three items, so the plan counts them.
    expect(found[0]!.label).toBe('stage 1 · × 3 · runs alone');
  });
});

describe('code lenses and the flow requests', () => {
  test('Run and Plan on the first line, carrying the document', async () => {
    const uri = sampleUri('report.ot');
    await client.open(uri, readFileSync(samplePath('report.ot'), 'utf8'), ++version);
    const lenses = await client.request<
      {
        range: { start: { line: number } };
        command: { title: string; command: string; arguments: unknown[] };
      }[]
    >('textDocument/codeLens', { textDocument: { uri } });
    expect(
      lenses.map((lens) => [
        lens.range.start.line,
        lens.command.title,
        lens.command.command,
        lens.command.arguments,
      ]),
    ).toEqual([
      [0, '▶ Run (topic)', 'ot.runFlow', [uri]],
      [0, 'Plan', 'ot.showPlan', [uri]],
    ]);
    await client.close(uri);
  });

  test('ot/flowInputs gives the declared inputs with their defaults', async () => {
    const result = await client.request('ot/flowInputs', { uri: sampleUri('report.ot') });
    expect(result).toEqual({
      description: expect.stringContaining('A report built from sub-flows'),
      inputs: [
        { name: 'topic', schema: { type: 'string' }, required: false, default: 'urban beekeeping' },
      ],
      errors: 0,
    });
  });

  test('ot/plan gives the plan as Mermaid or text', async () => {
    const mermaid = await client.request<{ text: string }>('ot/plan', {
      uri: sampleUri('qa-chain.ot'),
      format: 'mermaid',
    });
    expect(mermaid.text.startsWith('graph TD\n')).toBe(true);
    expect(mermaid.text).toContain('c1 -->');
    const text = await client.request<{ text: string }>('ot/plan', {
      uri: sampleUri('qa-chain.ot'),
      format: 'text',
    });
    expect(text.text).toContain('stage 3');
  });
});

describe('formatting through the prettier plugin', () => {
  const messy = '{{x|trim}} and {%if a%}yes{%endif%}\n<< y=generate_text(max_tokens=1) >>\n';

  test('the whole document', async () => {
    const uri = fixtureUri('messy.ot');
    await client.open(uri, messy, ++version);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    });
    expect(applyEdits(messy, edits)).toBe(
      '{{ x | trim }} and {% if a %}yes{% endif %}\n<< y = generate_text(max_tokens=1) >>\n',
    );
    // Only the changed part is replaced, not the whole text.
    expect(edits).toHaveLength(1);
    expect(edits[0]!.range.start).toEqual({ line: 0, character: 2 });
    await client.close(uri);
  });

  test('a range: only the tags inside it', async () => {
    const uri = fixtureUri('messy-range.ot');
    await client.open(uri, messy, ++version);
    const edits = await client.request<TextEdit[]>('textDocument/rangeFormatting', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } },
      options: { tabSize: 2, insertSpaces: true },
    });
    expect(applyEdits(messy, edits)).toBe(
      '{{ x | trim }} and {%if a%}yes{%endif%}\n<< y=generate_text(max_tokens=1) >>\n',
    );
    await client.close(uri);
  });

  test("a range is indented as the whole document is, whatever the editor's tab size", async () => {
    const uri = fixtureUri('indented-range.ot');
    const text =
      '{% if a %}\n    {% set config = {"alpha": 1, "beta": 2, "gamma": 3, "delta": 4, "epsilon": 5, "zeta": 6, "eta": 7, "theta": 8, "iota": 9} %}\n{% endif %}\n';
    await client.open(uri, text, ++version);
    const whole = await client.request<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 8, insertSpaces: false },
    });
    const range = await client.request<TextEdit[]>('textDocument/rangeFormatting', {
      textDocument: { uri },
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 130 } },
      options: { tabSize: 8, insertSpaces: false },
    });
    const formatted = applyEdits(text, whole);
    // Broken over lines, indented by the config's two spaces past the tag's own indentation.
    expect(formatted).toMatch(/\n {6}['"]alpha['"]: 1,\n/);
    expect(applyEdits(text, range)).toBe(formatted);
    await client.close(uri);
  });

  test('a file with syntax errors is left alone', async () => {
    const uri = fixtureUri('broken.ot');
    await client.open(uri, '{% if x %}never closed {{ y', ++version);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    });
    expect(edits).toEqual([]);
    expect(client.messages).toContainEqual({
      type: 2,
      message: 'ot: not formatted: the file has syntax errors.',
    });
    await client.close(uri);
  });

  test('formatting a formatted document changes nothing', async () => {
    const uri = fixtureUri('story.ot');
    const text = readFileSync(fixturePath('story.ot'), 'utf8');
    const format = () =>
      client.request<TextEdit[]>('textDocument/formatting', {
        textDocument: { uri },
        options: { tabSize: 2, insertSpaces: true },
      });
    await client.open(uri, text, ++version);
    const formatted = applyEdits(text, await format());
    // The repository's prettier config (single quotes) applies, as it would for `ot fmt`.
    expect(formatted).toContain("{% include 'partial.ot' %}");
    await client.change(uri, ++version, [{ text: formatted }]);
    expect(await format()).toEqual([]);
    await client.close(uri);
  });
});
