import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDivergences } from './divergences.js';
import { renderReference } from './nunjucks-reference.js';
import { loadOurRenderer, renderOurs } from './our-render.js';

const cases = loadDivergences(fileURLToPath(new URL('./divergences', import.meta.url)));
const ours = await loadOurRenderer();

describe('deliberate divergences from nunjucks: nunjucks really differs', () => {
  for (const testCase of cases) {
    it(`${testCase.name}: ${testCase.why}`, () => {
      const reference = renderReference(testCase.source, testCase.context, testCase.path);
      // If nunjucks agreed with us, the case belongs in corpus/ instead.
      if ('text' in testCase.expected)
        expect(reference).not.toEqual({ ok: true, text: testCase.expected.text });
      else expect(reference.ok).toBe(true);
    });
  }
});

describe.skipIf(ours.render === null)(
  `deliberate divergences from nunjucks: our pipeline${ours.missing ? ` (waiting for the pipeline: ${ours.missing})` : ''}`,
  () => {
    for (const testCase of cases) {
      it(testCase.name, async () => {
        const actual = await renderOurs(
          ours.render!,
          testCase.source,
          testCase.context,
          testCase.path,
        );
        if ('text' in testCase.expected) {
          expect(actual).toEqual({ ok: true, text: testCase.expected.text });
        } else {
          expect(actual.ok).toBe(false);
          expect(actual.codes ?? [], actual.ok ? '' : actual.error).toContain(
            testCase.expected.errorCode,
          );
        }
      });
    }
  },
);
