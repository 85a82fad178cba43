import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/format/index.js';
import { formatFile } from '../../src/format/format-file.js';
import { OtFormatSyntaxError } from '../../src/format/syntax-error.js';

const broken = 'Hello {{ name }}\n{% if %}x{% endif %} << = generate_text() >>\n';

describe('a file with syntax errors is not formatted', () => {
  it('makes the plugin throw a parse error with a location, which prettier prints with a code frame', async () => {
    const error: unknown = await format(broken, { parser: 'ot', plugins: [plugin] }).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(OtFormatSyntaxError);
    const syntaxError = error as OtFormatSyntaxError;
    expect(syntaxError.loc.start).toEqual({ line: 2, column: 7 });
    expect(syntaxError.message).toMatch(/^OT1001: .* \(and 1 more syntax errors\) \(2:7\)/);
    // Prettier adds the code frame to the message.
    expect(syntaxError.message).toContain('> 2 | {% if %}x{% endif %}');
    expect(syntaxError.diagnostics.map((d) => d.code)).toEqual(['OT1001', 'OT1001']);
  });

  it('reports every diagnostic from formatFile', async () => {
    const result = await formatFile('broken.ot', broken);
    expect(result.status).toBe('syntax-error');
    if (result.status === 'syntax-error') expect(result.diagnostics).toHaveLength(2);
  });
});
