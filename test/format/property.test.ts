import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOtError } from '../../src/diagnostics/ot-error.js';
import { formatSource } from '../../src/format/format-source.js';
import { sameTemplate } from '../../src/format/template-shape.js';
import { parse } from '../../src/syntax/index.js';
import { renderTemplateForTest } from '../helpers/render.js';
import { renderOutcome } from './render-outcome.js';
import { arbitraryInputs, templateArbitrary } from './template-arbitrary.js';

function parses(source: string): boolean {
  return parse(source).diagnostics.every((d) => d.severity !== 'error');
}

/** The interpreter's rendered text, or the codes of the errors it stopped with. */
async function interpreterText(source: string): Promise<string | { errors: string[] }> {
  try {
    return await renderTemplateForTest(source, arbitraryInputs);
  } catch (error) {
    if (isOtError(error)) return { errors: error.diagnostics.map((d) => d.code) };
    throw error;
  }
}

describe('formatting generated templates', () => {
  it('is idempotent, keeps the template and renders the same text (no calls)', async () => {
    await fc.assert(
      fc.asyncProperty(templateArbitrary(false), fc.boolean(), async (source, singleQuote) => {
        fc.pre(parses(source));
        const once = await formatSource(source, { singleQuote });
        expect(await formatSource(once, { singleQuote })).toBe(once);
        expect(sameTemplate(source, once)).toBe(true);
        expect(await interpreterText(once)).toEqual(await interpreterText(source));
      }),
      { numRuns: 250 },
    );
  });

  it('is idempotent and gives the same text, prompts and outputs (with calls)', async () => {
    await fc.assert(
      fc.asyncProperty(
        templateArbitrary(true),
        fc.integer({ min: 20, max: 100 }),
        async (source, printWidth) => {
          fc.pre(parses(source));
          const once = await formatSource(source, { printWidth });
          expect(await formatSource(once, { printWidth })).toBe(once);
          expect(sameTemplate(source, once)).toBe(true);
          const options = { inputs: arbitraryInputs };
          expect(await renderOutcome(once, 'generated.ot', options)).toEqual(
            await renderOutcome(source, 'generated.ot', options),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});
