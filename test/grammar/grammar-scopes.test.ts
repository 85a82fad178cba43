import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { renderTokens, tokenize, type Token } from './tokenize.js';

const samplesDir = new URL('../../samples/', import.meta.url);
const samples = readdirSync(samplesDir).filter((name) => name.endsWith('.ot'));

/** The scopes of the first token whose text is `text` on the line that contains `line`. */
async function scopesOf(source: string, line: string, text: string): Promise<string[]> {
  const lines = await tokenize(source);
  const index = source.split('\n').findIndex((l) => l.includes(line));
  const token = lines[index]?.find((t: Token) => t.text === text);
  if (!token) throw new Error(`no token ${JSON.stringify(text)} on line ${JSON.stringify(line)}`);
  return token.scopes.slice(1);
}

describe('grammar scopes of the samples', () => {
  test.each(samples)('%s', async (name) => {
    const text = readFileSync(new URL(name, samplesDir), 'utf8');
    await expect(renderTokens(text, await tokenize(text))).toMatchFileSnapshot(
      `snapshots/${name.replace(/\.ot$/, '')}.scopes.txt`,
    );
  });
});

describe('grammar scopes of constructs', () => {
  test('`{{ }}` and `<< >>` are punctuation; and/or/not/in/is are keyword operators', async () => {
    const source =
      '{{ a and b or not c in d }}{% if x is defined %}<< generate_text() >>{% endif %}';
    const tokens = (await tokenize(source))[0]!;
    const last = (text: string) => tokens.find((t) => t.text.trim() === text)?.scopes.at(-1);
    expect(last('{{')).toMatch(/^punctuation\.definition\.output\.begin/);
    expect(last('}}')).toMatch(/^punctuation\.definition\.output\.end/);
    expect(last('<<')).toMatch(/^punctuation\.definition\.call-block\.begin/);
    expect(last('>>')).toMatch(/^punctuation\.definition\.call-block\.end/);
    for (const word of ['and', 'or', 'not', 'in', 'is'])
      expect(last(word)).toMatch(/^keyword\.operator\./);
  });

  test('front matter is embedded YAML only at the start of the file', async () => {
    const source = '---\ninput:\n  q: string\n---\n---\n';
    const lines = await tokenize(source);
    expect(lines[0]![0]!.scopes).toContain('punctuation.definition.front-matter.begin.ot');
    expect(lines[1]![0]!.scopes).toContain('meta.embedded.block.yaml');
    expect(lines[3]![0]!.scopes).toContain('punctuation.definition.front-matter.end.ot');
    // A later `---` line is text.
    expect(lines[4]![0]!.scopes).toEqual(['source.ot']);
  });

  test('a call block has its own scope; top-level `+` composes, `+` in parentheses adds', async () => {
    const source = '<< x = generate_text() + "a" + (1 + 2) >>';
    const tokens = (await tokenize(source))[0]!;
    const plus = tokens.filter((t) => t.text === '+').map((t) => t.scopes.at(-1));
    expect(plus).toEqual([
      'keyword.operator.composition.ot',
      'keyword.operator.composition.ot',
      'keyword.operator.arithmetic.ot',
    ]);
    expect(await scopesOf(source, '<<', 'x')).toEqual([
      'meta.call-block.ot',
      'variable.other.definition.binding.ot',
    ]);
    expect(await scopesOf(source, '<<', 'generate_text')).toEqual([
      'meta.call-block.ot',
      'support.function.builtin.ot',
    ]);
  });

  test('whitespace control stays part of the delimiters', async () => {
    const tokens = (await tokenize('{%- if a -%}{{- b -}}<<- c ->>{#- d -#}'))[0]!;
    const delimiters = tokens.filter((t) => /^[-{%#<>}]+$/.test(t.text)).map((t) => t.text);
    expect(delimiters).toEqual(['{%-', '-%}', '{{-', '-}}', '<<-', '->>', '{#-', '-#}']);
  });

  test('tags: keywords, declared names, filters and tests', async () => {
    const source =
      '{% for k, v in items | dictsort %}{% if v is not none %}{% endif %}{% endfor %}';
    expect(await scopesOf(source, 'for', 'for')).toEqual([
      'meta.tag.ot',
      'keyword.control.loop.ot',
    ]);
    expect(await scopesOf(source, 'for', 'k, v')).toEqual([
      'meta.tag.ot',
      'variable.other.definition.ot',
    ]);
    expect(await scopesOf(source, 'for', 'dictsort')).toEqual([
      'meta.tag.ot',
      'support.function.filter.ot',
    ]);
    expect(await scopesOf(source, 'for', 'none')).toEqual([
      'meta.tag.ot',
      'support.function.test.ot',
    ]);
    expect(await scopesOf('{% fork %}', 'fork', 'fork')).toEqual([
      'meta.tag.ot',
      'keyword.control.flow.ot',
    ]);
  });

  test('a raw block is text, and strings may hold closing delimiters', async () => {
    expect(await scopesOf('{% raw %}{{ x }}{% endraw %}', 'raw', '{{ x }}')).toEqual([
      'meta.raw.ot',
      'string.unquoted.raw.ot',
    ]);
    const tokens = (await tokenize('{{ "}}" }} after'))[0]!;
    expect(tokens.at(-1)).toEqual({ text: ' after', scopes: ['source.ot'] });
  });

  test('comments span lines', async () => {
    const lines = await tokenize('{# one\ntwo #} text');
    expect(lines[1]![0]!.scopes).toEqual(['source.ot', 'comment.block.ot']);
    expect(lines[1]!.at(-1)).toEqual({ text: ' text', scopes: ['source.ot'] });
  });
});
