import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/format/index.js';
import { formatSource } from '../../src/format/format-source.js';

const source = [
  '---',
  'input:   {x: string}',
  '---',
  'One {{x|upper}} two {{x|lower}}',
  '{%if x%}three << y=generate_text(max_tokens=5) >>{%endif%}',
  '',
].join('\n');

/** The offsets of the first occurrence of `part` in the source. */
function rangeOf(part: string): { rangeStart: number; rangeEnd: number } {
  const rangeStart = source.indexOf(part);
  return { rangeStart, rangeEnd: rangeStart + part.length };
}

describe('range formatting', () => {
  it('reformats only the tags inside the range, through prettier.format', async () => {
    const formatted = await format(source, {
      parser: 'ot',
      plugins: [plugin],
      ...rangeOf('{{x|lower}}'),
    });
    expect(formatted).toBe(source.replace('{{x|lower}}', '{{ x | lower }}'));
  });

  it('reformats every tag a range touches, and the front matter when it is inside', async () => {
    const rangeStart = source.indexOf('input');
    const rangeEnd = source.indexOf('two');
    const formatted = await formatSource(source, { rangeStart, rangeEnd });
    expect(formatted).toBe(
      source
        .replace('input:   {x: string}', 'input: { x: string }')
        .replace('{{x|upper}}', '{{ x | upper }}'),
    );
  });

  it('reformats the tags of a block one by one', async () => {
    const formatted = await formatSource(source, rangeOf('{%endif%}'));
    expect(formatted).toBe(source.replace('{%endif%}', '{% endif %}'));
  });

  it('gives the same text as formatting the whole file when the range covers it', async () => {
    const whole = await formatSource(source);
    expect(await formatSource(source, { rangeStart: 1, rangeEnd: source.length })).toBe(whole);
  });

  it('refuses a range in a file with syntax errors', async () => {
    await expect(formatSource('{{ x }} {{ (', { rangeStart: 0, rangeEnd: 3 })).rejects.toThrow(
      /OT1/,
    );
  });
});
