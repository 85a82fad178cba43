// `template.run(inputs)` refuses an input the front matter does not declare (OT4021).
import { describe, expect, it } from 'vitest';
import { template } from '../../src/index.js';

const source = '---\ninput:\n  country: { type: string, default: France }\n---\nHi {{ country }}';

describe('template.run with an undeclared input', () => {
  it('fails with OT4021 and the closest declared name, instead of using the default', async () => {
    const flow = template(source, { path: 'flow.ot' });
    await expect(flow.run({ contry: 'Spain' })).rejects.toMatchObject({
      diagnostics: [
        expect.objectContaining({
          code: 'OT4021',
          message:
            '`contry` is not an input of `flow.ot`; did you mean `country`? its inputs: country',
        }),
      ],
    });
    await expect(flow.run({ country: 'Spain' })).resolves.toMatchObject({ text: 'Hi Spain' });
  });

  it('a template that declares no inputs still takes any', async () => {
    const flow = template('Hi {{ name }}', { path: 'flow.ot' });
    await expect(flow.run({ name: 'Ann' })).resolves.toMatchObject({ text: 'Hi Ann' });
  });
});
