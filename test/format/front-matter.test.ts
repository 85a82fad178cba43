import { describe, expect, it } from 'vitest';
import { formatSource } from '../../src/format/format-source.js';

describe('front matter', () => {
  it('goes through prettier’s YAML printer', async () => {
    expect(await formatSource('---\ninput:   {x:   string}\n---\n{{x}}\n')).toBe(
      '---\ninput: { x: string }\n---\n{{ x }}\n',
    );
  });

  it('is kept as written with embeddedLanguageFormatting off', async () => {
    const source = '---\ninput:   {x:   string}\n---\n{{x}}\n';
    expect(await formatSource(source, { embeddedLanguageFormatting: 'off' })).toBe(
      '---\ninput:   {x:   string}\n---\n{{ x }}\n',
    );
  });

  it('is kept as written when it is not valid YAML', async () => {
    const source = '---\ninput: [unclosed\n---\n{{x}}\n';
    expect(await formatSource(source)).toBe('---\ninput: [unclosed\n---\n{{ x }}\n');
  });

  it('may be empty, and may end the file', async () => {
    expect(await formatSource('---\n---\n{{x}}')).toBe('---\n---\n{{ x }}');
    expect(await formatSource('---\ndescription:   x\n---')).toBe('---\ndescription: x\n---');
  });

  it('keeps its comments and the singleQuote option applies to it', async () => {
    expect(await formatSource('---\n# note\ndescription: "a"\n---\nx', { singleQuote: true })).toBe(
      "---\n# note\ndescription: 'a'\n---\nx",
    );
  });
});
