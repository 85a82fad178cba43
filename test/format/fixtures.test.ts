import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSource } from '../../src/format/format-source.js';
import { sameTemplate } from '../../src/format/template-shape.js';
import { loadFormatCases } from './fixture-cases.js';
import { renderOutcome } from './render-outcome.js';

const cases = loadFormatCases();

describe.each(cases)('format fixture $name', (testCase) => {
  const path = join(testCase.dir, 'input.ot');
  const format = (text: string) => formatSource(text, { ...testCase.options, filepath: path });

  it('formats input.ot to output.ot', async () => {
    await expect(await format(testCase.input)).toMatchFileSnapshot(
      join('..', 'fixtures', 'format', testCase.name, 'output.ot'),
    );
  });

  it('is idempotent and keeps the template (same AST but for whitespace inside tags)', async () => {
    const once = await format(testCase.input);
    expect(await format(once)).toBe(once);
    expect(sameTemplate(testCase.input, once, path)).toBe(true);
  });

  it('renders the same text, prompts and outputs', async () => {
    const formatted = await format(testCase.input);
    const options = { inputs: testCase.inputs, spec: testCase.spec };
    const before = await renderOutcome(testCase.input, path, options);
    const after = await renderOutcome(formatted, path, options);
    expect(before.errors).toBeUndefined();
    expect(after).toEqual(before);
  });
});
