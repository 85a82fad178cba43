import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { isOtError } from '../../src/diagnostics/ot-error.js';
import { loadEvalFile } from '../../src/eval/load-eval.js';
import { prepareEval } from '../../src/eval/prepare-eval.js';
import { readDataset } from '../../src/eval/read-dataset.js';
import { evaluate } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'ot-eval-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Each diagnostic as `CODE line:col message`, lines and columns from 1. */
function located(error: unknown, text: string): string[] {
  if (!isOtError(error)) throw error;
  return error.diagnostics.map((d: Diagnostic) => {
    const before = text.slice(0, d.span.start).split('\n');
    return `${d.code} ${before.length}:${before.at(-1)!.length + 1} ${d.message}`;
  });
}

function loadErrors(text: string): string[] {
  const path = file('eval.yaml', text);
  try {
    loadEvalFile(path);
  } catch (error) {
    return located(error, text);
  }
  throw new Error('expected the eval file to be refused');
}

file(
  'qa.ot',
  '---\ninput:\n  country: { type: string }\nschemas:\n  Out: { type: string }\noutput: answer\n---\nCapital of {{ country }}? << answer = generate_text() >>\n',
);
file(
  'qa.fake.yaml',
  'replies:\n  - match: France\n    reply: Paris\n  - match: Spain\n    reply: Barcelona\n',
);
file(
  'rows.jsonl',
  '{"country": "France", "capital": "Paris"}\n{"country": "Spain", "capital": "Madrid"}\n',
);

describe('eval file validation', () => {
  it('reports every shape problem at once, each at its key (OT2024)', () => {
    const text = [
      'flow: qa.ot',
      'flows: [qa.ot]',
      'dataset: 3',
      'repeat: two',
      'colour: red',
      'scorers:',
      '  exact: { equals: x, regex: y }',
      '  none: { output: answer }',
      '  9bad: { equals: x }',
      '',
    ].join('\n');
    expect(loadErrors(text)).toEqual([
      'OT2024 5:1 invalid eval file: unknown key `colour`; expected one of: description, flow, flows, dataset, backends, repeat, scorers',
      'OT2024 2:1 invalid eval file: write `flow` or `flows`, not both',
      'OT2024 3:10 invalid eval file: `dataset` must be a non-empty string, not 3',
      'OT2024 4:9 invalid eval file: `repeat` must be a whole number ≥ 1, not "two"',
      'OT2024 7:10 invalid eval file: `scorers.exact` has equals and regex; a scorer is exactly one of them',
      'OT2024 8:9 invalid eval file: `scorers.none` needs one of: equals, contains, regex, json_schema, flow, js',
      'OT2024 9:3 invalid eval file: scorer name `9bad` must be letters, digits, `_` or `-` (not starting with a digit)',
    ]);
  });

  it('reports missing keys, YAML syntax errors and an unreadable file', () => {
    expect(loadErrors('description: nothing\n')).toEqual([
      'OT2024 1:1 invalid eval file: the file is missing the required key `flows`',
      'OT2024 1:1 invalid eval file: the file is missing the required key `dataset`',
    ]);
    expect(loadErrors('flows: [qa.ot\n')[0]).toMatch(/^OT2024 .* invalid YAML/);
    expect(() => loadEvalFile(join(dir, 'absent.yaml'))).toThrow(
      /OT2026: cannot read eval file `.*absent.yaml`: no such file/,
    );
  });

  it('refuses an unreadable dataset (OT2026), a scorer that cannot be built (OT2025) and a broken flow, before any call', async () => {
    const text = [
      'flows: [qa.ot, broken.ot]',
      'dataset: rows.csv',
      'backends: [fake:qa.fake.yaml]',
      'scorers:',
      '  shape: { regex: "(" }',
      '  valid: { json_schema: Missing }',
      '  tpl: { equals: "{{ x " }',
      '  custom: { js: "scorers.mjs#nope" }',
      '',
    ].join('\n');
    file('broken.ot', 'Hi {{ name }\n');
    file('rows.csv', 'country,capital\n"France,Paris\n');
    file('scorers.mjs', 'export const yes = () => true;\n');
    const path = file('eval.yaml', text);
    const error = await prepareEval(loadEvalFile(path).checked).catch((e: unknown) => e);
    const messages = located(error, text).filter((m) => m.startsWith('OT202'));
    expect(messages).toEqual([
      'OT2026 2:10 cannot read dataset `' +
        join(dir, 'rows.csv') +
        '`: a quoted CSV field is not closed',
      expect.stringMatching(/^OT2025 5:10 scorer `shape`: Invalid regular expression/),
      'OT2025 6:10 scorer `valid`: no schema `Missing` in the front matter of ' +
        join(dir, 'qa.ot'),
      expect.stringMatching(/^OT2025 7:8 scorer `tpl`: its template does not compile/),
      expect.stringMatching(/^OT2025 8:11 scorer `custom`: .*has no function export `nope`/),
    ]);
    expect(isOtError(error) && error.diagnostics.some((d) => d.file.endsWith('broken.ot'))).toBe(
      true,
    );
  });
});

describe('datasets', () => {
  it('reads JSONL, a JSON array, a YAML list and CSV (quotes, commas, CRLF)', () => {
    const rows = [{ country: 'France', capital: 'Paris' }];
    expect(readDataset(file('d.jsonl', '{"country":"France","capital":"Paris"}\n\n'))).toEqual({
      ok: true,
      rows,
    });
    expect(readDataset(file('d.json', JSON.stringify(rows)))).toEqual({ ok: true, rows });
    expect(readDataset(file('d.yaml', '- country: France\n  capital: Paris\n'))).toEqual({
      ok: true,
      rows,
    });
    expect(
      readDataset(file('d.csv', 'country,capital,note\r\nFrance,Paris,"a ""b"", c"\r\n')),
    ).toEqual({ ok: true, rows: [{ ...rows[0], note: 'a "b", c' }] });
  });

  it('says which line is wrong', () => {
    expect(readDataset(file('e.jsonl', '{"a":1}\nnope\n'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^line 2 is not JSON/),
    });
    expect(readDataset(file('e.json', '[1]'))).toEqual({
      ok: false,
      reason: 'row 1 is not an object of fields',
    });
    expect(readDataset(file('e.csv', 'a,b\n1\n'))).toEqual({
      ok: false,
      reason: 'CSV line 2 has 1 fields; the header has 2',
    });
    expect(readDataset(file('e.txt', 'x'))).toMatchObject({ ok: false });
  });
});

describe('evaluate(spec)', () => {
  it('runs an eval given as data and gives the exact means of known answers', async () => {
    const { summary, results } = await evaluate(
      {
        flow: 'qa.ot',
        dataset: 'rows.jsonl',
        backends: ['fake:qa.fake.yaml'],
        repeat: 2,
        scorers: {
          exact: { equals: '{{ capital }}', output: 'answer' },
          short: { js: (_row, output) => String(output).length <= 5 },
          valid: { json_schema: 'Out' },
        },
      },
      { base: dir, config: null },
    );
    expect(results.map((r) => [r.row, r.sample, r.text, r.scores])).toEqual([
      [1, 0, 'Capital of France? Paris\n', { exact: true, short: true, valid: true }],
      [1, 1, 'Capital of France? Paris\n', { exact: true, short: true, valid: true }],
      [2, 0, 'Capital of Spain? Barcelona\n', { exact: false, short: false, valid: true }],
      [2, 1, 'Capital of Spain? Barcelona\n', { exact: false, short: false, valid: true }],
    ]);
    expect(summary.cells).toHaveLength(1);
    expect(summary.cells[0]).toMatchObject({
      flow: 'qa.ot',
      backend: 'fake:qa.fake.yaml',
      rows: 4,
      errors: 0,
      calls: { made: 4, cached: 0 },
    });
    expect(summary.cells[0]!.scores['exact']!.mean).toBe(0.5);
    expect(summary.cells[0]!.scores['valid']!.mean).toBe(1);
  });
});
