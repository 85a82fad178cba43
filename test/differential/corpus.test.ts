import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filterNames, testNames } from '../../src/runtime/jinja/index.js';
import { loadCases } from './cases.js';
import { renderReference } from './nunjucks-reference.js';
import { loadOurRenderer, renderOurs } from './our-render.js';

const corpusDir = fileURLToPath(new URL('./corpus', import.meta.url));
const cases = loadCases(corpusDir);
const ours = await loadOurRenderer();

describe('differential corpus: the nunjucks reference', () => {
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const reference = renderReference(testCase.source, testCase.context, testCase.path);
      if (testCase.expectError) {
        expect(reference.ok, 'an error-* case must be one nunjucks fails on').toBe(false);
        return;
      }
      if (!reference.ok) throw new Error(`nunjucks fails on ${testCase.name}: ${reference.error}`);
      // The reference output, kept for review: a change of nunjucks or of a case shows in the diff.
      await expect(reference.text).toMatchFileSnapshot(`reference/${testCase.name}.txt`);
    });
  }

  const sources = cases.map((c) => c.source).join('\n');

  it('uses every built-in filter', () => {
    const unused = filterNames().filter(
      (name) => !new RegExp(`(\\||\\bfilter)\\s*${name}\\b`).test(sources),
    );
    expect(unused).toEqual([]);
  });

  it('uses every built-in test', () => {
    const unused = testNames().filter(
      (name) => !new RegExp(`\\bis\\s+(not\\s+)?${name}\\b`).test(sources),
    );
    expect(unused).toEqual([]);
  });

  it('uses every required tag and whitespace-control form', () => {
    const forms = [
      '{% if',
      '{% elif',
      '{% else',
      '{% for',
      '{% set',
      '{% endset',
      '{% include',
      'ignore missing',
      '{% macro',
      '{% call',
      '{% raw',
      '{% verbatim',
      '{% filter',
      '{%-',
      '-%}',
      '{{-',
      '-}}',
      '{#-',
      '-#}',
      '{#',
    ];
    expect(forms.filter((form) => !sources.includes(form))).toEqual([]);
  });
});

describe.skipIf(ours.render === null)(
  `differential corpus: our pipeline renders what nunjucks renders${ours.missing ? ` (waiting for the pipeline: ${ours.missing})` : ''}`,
  () => {
    for (const testCase of cases) {
      it(testCase.name, async () => {
        const reference = renderReference(testCase.source, testCase.context, testCase.path);
        const actual = await renderOurs(
          ours.render!,
          testCase.source,
          testCase.context,
          testCase.path,
        );
        if (!reference.ok) {
          // Both must fail; the messages differ by design (ours are diagnostics).
          expect(actual.ok, `nunjucks fails (${reference.error}), so must we`).toBe(false);
        } else {
          expect(actual).toEqual({ ok: true, text: reference.text });
        }
      });
    }
  },
);
