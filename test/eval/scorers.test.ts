import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCache } from '../../src/cache/open-cache.js';
import { loadProgram } from '../../src/ir/load-program.js';
import { createBackendResolver } from '../../src/runtime/backend-resolver.js';
import { createRegistry } from '../../src/runtime/registry/registry.js';
import type { RunContext } from '../../src/runtime/run-context.js';
import { Session } from '../../src/runtime/session.js';
import type { TraceEvent } from '../../src/runtime/trace.js';
import { flowScorer } from '../../src/eval/scorers/flow-scorer.js';
import { importScorerFunction, jsScorer } from '../../src/eval/scorers/js-scorer.js';
import { jsonSchemaScorer } from '../../src/eval/scorers/json-schema-scorer.js';
import { scoreValue } from '../../src/eval/scorers/score-value.js';
import { compileScorerTemplate } from '../../src/eval/scorers/scorer-template.js';
import type { ScoreInput } from '../../src/eval/scorers/scorer-types.js';
import { containsScorer, equalsScorer, regexScorer } from '../../src/eval/scorers/text-scorers.js';

const dir = mkdtempSync(join(tmpdir(), 'ot-scorers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function context(trace: TraceEvent[] = []): Promise<RunContext> {
  const cache = await openCache('memory', { cwd: dir });
  return {
    session: new Session({ cache }),
    registry: createRegistry(),
    backendName: null,
    trace: (event) => trace.push(event),
    startedAt: performance.now(),
    sample: '',
    warn: () => {},
  };
}

function input(output: unknown, row: Record<string, unknown> = {}): ScoreInput {
  return { row, output, outputs: { answer: output }, text: String(output), schemas: {} };
}

const tpl = (source: string) => compileScorerTemplate(source, join(dir, 'eval.yaml'));

describe('equals', () => {
  it('compares the output with the rendered template, both trimmed', async () => {
    const scorer = equalsScorer('exact', 'answer', tpl('{{ capital }}'));
    const run = await context();
    expect(await scorer.score(input(' Paris\n', { capital: 'Paris' }), run)).toBe(true);
    expect(await scorer.score(input('paris', { capital: 'Paris' }), run)).toBe(false);
    expect(await scorer.score(input('Paris, France', { capital: 'Paris' }), run)).toBe(false);
  });

  it('compares non-text outputs as JSON and a missing output as empty text', async () => {
    const run = await context();
    expect(await equalsScorer('n', null, tpl('{{ n }}')).score(input(4, { n: 4 }), run)).toBe(true);
    expect(await equalsScorer('e', null, tpl('')).score(input(undefined), run)).toBe(true);
  });

  it('sees row, outputs and text by name besides the row fields', async () => {
    const run = await context();
    const scorer = equalsScorer('e', null, tpl('{{ row.a }}-{{ outputs.k }}-{{ text }}'));
    const scored: ScoreInput = {
      row: { a: 'A' },
      output: 'A-K-T',
      outputs: { k: 'K' },
      text: 'T',
      schemas: {},
    };
    expect(await scorer.score(scored, run)).toBe(true);
    expect(await scorer.score({ ...scored, text: 'U' }, run)).toBe(false);
  });
});

describe('contains', () => {
  it('finds the rendered template anywhere in the output, case-sensitively', async () => {
    const scorer = containsScorer('mention', null, tpl('{{ city }}'));
    const run = await context();
    expect(await scorer.score(input('The capital is Paris.', { city: 'Paris' }), run)).toBe(true);
    expect(await scorer.score(input('the capital is paris.', { city: 'Paris' }), run)).toBe(false);
  });
});

describe('regex', () => {
  it('tests a plain pattern, a /pattern/flags one, and a rendered one', async () => {
    const run = await context();
    expect(await regexScorer('r', null, tpl('^[A-Z]')).score(input('Paris'), run)).toBe(true);
    expect(await regexScorer('r', null, tpl('^[A-Z]')).score(input('paris'), run)).toBe(false);
    expect(await regexScorer('r', null, tpl('/^PARIS$/i')).score(input('Paris'), run)).toBe(true);
    const rendered = regexScorer('r', null, tpl('^{{ city }}$'));
    expect(await rendered.score(input('Rome', { city: 'Rome' }), run)).toBe(true);
    expect(await rendered.score(input('Rome!', { city: 'Rome' }), run)).toBe(false);
  });

  it('throws on a pattern that is not a regex', async () => {
    const scorer = regexScorer('r', null, tpl('{{ p }}'));
    await expect(scorer.score(input('x', { p: '(' }), await context())).rejects.toThrow();
  });
});

describe('json_schema', () => {
  const schema = {
    type: 'object',
    properties: { label: { enum: ['yes', 'no'] } },
    required: ['label'],
  };

  it('validates objects and JSON text against an inline schema', async () => {
    const scorer = jsonSchemaScorer('valid', null, schema);
    const run = await context();
    expect(await scorer.score(input({ label: 'yes' }), run)).toBe(true);
    expect(await scorer.score(input('{"label": "no"}'), run)).toBe(true);
    expect(await scorer.score(input({ label: 'maybe' }), run)).toBe(false);
    expect(await scorer.score(input('not json'), run)).toBe(false);
  });

  it("finds a named schema in the scored flow's front matter", async () => {
    const scorer = jsonSchemaScorer('valid', null, 'Verdict');
    const run = await context();
    const withSchema = { ...input({ label: 'no' }), schemas: { Verdict: schema } };
    expect(await scorer.score(withSchema, run)).toBe(true);
    await expect(scorer.score(input({ label: 'no' }), run)).rejects.toThrow(/no schema `Verdict`/);
  });
});

describe('flow judge', () => {
  writeFileSync(
    join(dir, 'judge.fake.yaml'),
    [
      'replies:',
      '  - match: "Answer: Paris for France"',
      '    reply: "yes"',
      '  - match: "Answer: 0.25"',
      '    reply: "0.25"',
      'default: "no"',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'judge.ot'),
    [
      '---',
      'backend: fake:judge.fake.yaml',
      'input:',
      '  row: { type: object }',
      '  output: { type: string }',
      'output: verdict',
      '---',
      'Answer: {{ output }} for {{ row.country }}',
      '<< verdict = generate_text() >>',
    ].join('\n'),
  );

  function judge() {
    const loaded = loadProgram(join(dir, 'judge.ot'));
    expect(loaded.diagnostics).toEqual([]);
    return flowScorer('judge', null, loaded, createBackendResolver(createRegistry(), null));
  }

  it("runs the judge on its own backend and reads yes/no or a number as the score, its calls in the result's run", async () => {
    const trace: TraceEvent[] = [];
    const run = await context(trace);
    // The scored flow's backend must not leak into the judge's run.
    run.backendName = 'not-a-backend';
    const scorer = judge();
    expect(await scorer.score(input('Paris', { country: 'France' }), run)).toBe(true);
    expect(await scorer.score(input('Lyon', { country: 'France' }), run)).toBe(false);
    expect(await scorer.score(input('0.25', { country: 'x' }), run)).toBe(0.25);
    expect(trace.map((event) => event.prompt)).toEqual([
      'Answer: Paris for France\n',
      'Answer: Lyon for France\n',
      'Answer: 0.25 for x\n',
    ]);
  });
});

describe('js', () => {
  it('imports FILE#name and scores with what the function returns', async () => {
    writeFileSync(
      join(dir, 'scorers.mjs'),
      [
        'export function polite(row, output) { return /please/i.test(output) ? 1 : row.floor; }',
        'export default async (row, output, outputs) => outputs.answer === row.want;',
      ].join('\n'),
    );
    const run = await context();
    const polite = jsScorer(
      'polite',
      null,
      await importScorerFunction(join(dir, 'scorers.mjs#polite')),
    );
    expect(await polite.score(input('Please sit', { floor: 0.5 }), run)).toBe(1);
    expect(await polite.score(input('Sit', { floor: 0.5 }), run)).toBe(0.5);
    const byDefault = jsScorer('d', null, await importScorerFunction(join(dir, 'scorers.mjs')));
    expect(await byDefault.score(input('a', { want: 'a' }), run)).toBe(true);
  });

  it('refuses a missing export and a value that is no score', async () => {
    await expect(importScorerFunction(join(dir, 'scorers.mjs#rude'))).rejects.toThrow(
      /no function export `rude` \(its exports: polite, default\)/,
    );
    const bad = jsScorer('bad', null, () => 7 as never);
    await expect(bad.score(input('x'), await context())).rejects.toThrow(/OT4031/);
  });
});

describe('scoreValue', () => {
  it('takes booleans, numbers in [0, 1], null and their text; refuses the rest', () => {
    expect(scoreValue(true, 's', 'w')).toBe(true);
    expect(scoreValue(0.5, 's', 'w')).toBe(0.5);
    expect(scoreValue(null, 's', 'w')).toBe(null);
    expect(scoreValue(' Yes\n', 's', 'w')).toBe(true);
    expect(scoreValue('FALSE', 's', 'w')).toBe(false);
    expect(scoreValue('1', 's', 'w')).toBe(1);
    for (const bad of [1.5, -0.1, 'maybe', '', { a: 1 }, undefined]) {
      expect(() => scoreValue(bad, 's', 'w')).toThrow(/OT4031/);
    }
  });
});
