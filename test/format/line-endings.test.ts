import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/format/index.js';
import { formatSource } from '../../src/format/format-source.js';

describe('line endings are prompt text', () => {
  it('keeps \\r\\n by default (the plugin defaults endOfLine to auto)', async () => {
    const crlf = '{%- if x -%}\r\n{{x}}\r\n{%- endif -%}\r\nText\r\n';
    expect(await format(crlf, { parser: 'ot', plugins: [plugin] })).toBe(
      '{%- if x -%}\r\n  {{ x }}\r\n{%- endif -%}\r\nText\r\n',
    );
  });

  it('keeps \\n', async () => {
    expect(await formatSource('{{x}}\nText\n')).toBe('{{ x }}\nText\n');
  });

  it('keeps a blank template as it is (prettier would empty it, but blank text renders)', async () => {
    expect(await formatSource('\n  \n')).toBe('\n  \n');
  });
});
