import { describe, expect, it } from 'vitest';
import { MAX_DIAGNOSTICS_PER_FILE, noteCounts } from '../../src/diagnostics/index.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { lower } from '../../src/ir/lower.js';
import { MAX_SOURCE_LENGTH, MAX_TOKENS, parse } from '../../src/syntax/index.js';

/** Hostile inputs of about `size` characters, each reporting one problem or more per repeat. */
const hostile: Record<string, (size: number) => string> = {
  braces: (size) => '{'.repeat(size),
  'unclosed ifs on one line': (size) => '{% if a %}'.repeat(size / 10),
  'call openers': (size) => '<<'.repeat(size / 2),
  'output openers': (size) => '{{'.repeat(size / 2),
  'tag openers': (size) => '{%'.repeat(size / 2),
  'stray end tags': (size) => '{% endif %}'.repeat(size / 11),
  'broken for tags': (size) => '{% for %}'.repeat(size / 9),
  'unterminated strings': (size) => '{{ "'.repeat(size / 4),
  'unterminated comments': (size) => '{#'.repeat(size / 2),
  'invalid characters': (size) => `{{ ${'@ '.repeat(size / 2)}}}`,
  'deep parens': (size) => `{{ ${'('.repeat(size)}`,
  'deep brackets': (size) => `{{ ${'['.repeat(size)}`,
  'deep braces in an expression': (size) => `{{ ${'{'.repeat(size)}`,
};

/** How many diagnostics `list` stands for: those shown plus those its closing note counts. */
function total(list: readonly Diagnostic[]): number {
  const note = list.at(-1);
  if (note?.code !== 'OT1014' && note?.code !== 'OT1015') return list.length;
  const counts = noteCounts(note);
  return list.length - 1 + counts.error + counts.warning + counts.info;
}

function expectCapped(list: readonly Diagnostic[]): void {
  expect(list.length).toBeLessThanOrEqual(MAX_DIAGNOSTICS_PER_FILE + 1);
  expect(list.filter((d) => d.code === 'OT1014' || d.code === 'OT1015').length).toBeLessThan(2);
  expect(list.map((d) => d.code)).not.toContain('OT1013');
}

describe('hostile input', () => {
  for (const [name, make] of Object.entries(hostile)) {
    it(`parses 200 KB of ${name} with a capped diagnostic list`, () => {
      // 200 KB stays under MAX_TOKENS, so the parser itself meets every one of them.
      const text = make(200_000);
      const { ast, diagnostics } = parse(text);
      expectCapped(diagnostics);
      expect(diagnostics.length).toBeGreaterThan(0);
      expect(ast.span.end).toBe(text.length);
      const lowered = lower(ast, { path: '<input>', source: text });
      expectCapped(lowered.diagnostics);
    });
  }

  it('counts every problem it does not show, in its closing note', () => {
    // One unclosed `{{` per two characters: the work done is one diagnostic per opener.
    for (const size of [2_000, 20_000, 200_000]) {
      const { diagnostics } = parse('{'.repeat(size));
      expect(diagnostics).toHaveLength(MAX_DIAGNOSTICS_PER_FILE + 1);
      expect(total(diagnostics)).toBe(size / 2);
      expect(diagnostics.at(-1)).toMatchObject({
        code: 'OT1014',
        severity: 'error',
        message: `and ${size / 2 - 100} more errors in this file (only the first 100 are reported)`,
      });
    }
  });

  it('shows the first problems in source order, the note last', () => {
    const { diagnostics } = parse('{% if a %}'.repeat(200));
    const starts = diagnostics.slice(0, -1).map((d) => d.span.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(total(diagnostics)).toBe(200);
  });

  it('reports nothing more when a file has no more problems than the cap', () => {
    const { diagnostics } = parse('{{'.repeat(MAX_DIAGNOSTICS_PER_FILE));
    expect(diagnostics).toHaveLength(MAX_DIAGNOSTICS_PER_FILE);
    expect(diagnostics.map((d) => d.code)).toEqual(
      Array<string>(MAX_DIAGNOSTICS_PER_FILE).fill('OT1002'),
    );
  });

  it('keeps a file failing when its first hundred problems are warnings', () => {
    // 150 undefined variables (warnings) come before the syntax error: the note is an error.
    const text = `${'{{ a }}'.repeat(150)}{% if %}{% endif %}`;
    const { ast, diagnostics: syntax } = parse(text);
    expect(syntax.map((d) => d.code)).toEqual(['OT1001']);
    const { diagnostics } = lower(ast, { path: '<input>', source: text });
    expect(diagnostics.at(-1)).toMatchObject({ code: 'OT1015', severity: 'info' });
    expect(total(diagnostics)).toBe(150);
    const { diagnostics: only } = parse(`${'{% endif %}'.repeat(150)}{{ a`);
    expect(only.at(-1)).toMatchObject({ code: 'OT1014', severity: 'error' });
  });
});

describe('files past the size limits', () => {
  it('refuses a file longer than MAX_SOURCE_LENGTH before lexing it, with one OT1016', () => {
    const text = `{{ a }}\n${'{'.repeat(MAX_SOURCE_LENGTH)}`;
    const { ast, diagnostics } = parse(text, { path: 'big.ot' });
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'OT1016',
        severity: 'error',
        file: 'big.ot',
        span: { start: MAX_SOURCE_LENGTH, end: MAX_SOURCE_LENGTH + 1 },
        message: 'the file is too large to parse: 2,000,008 characters (at most 2,000,000)',
      }),
    ]);
    expect(ast).toMatchObject({ body: [], span: { start: 0, end: text.length } });
  });

  it('refuses a file of more than MAX_TOKENS tokens, pointing at the first one past it', () => {
    // `{{ a }}` is three tokens: 83,333 of them and one more make 250,002 tokens, and token
    // 250,001 (index MAX_TOKENS) is the `a` of the last one.
    const repeats = Math.floor(MAX_TOKENS / 3) + 1;
    const text = '{{ a }}'.repeat(repeats);
    const { ast, diagnostics } = parse(text);
    const first = (repeats - 1) * 7 + 3;
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'OT1017',
        span: { start: first, end: first + 1 },
        message: 'the file has too many tokens to parse (more than 250,000); it is not parsed',
      }),
    ]);
    expect(ast.body).toEqual([]);
  });

  it('parses a file right at both limits as usual', () => {
    const atTokens = '{{ a }}'.repeat(Math.floor(MAX_TOKENS / 3));
    expect(parse(atTokens).diagnostics).toEqual([]);
    const atLength = `{{ a }}${' '.repeat(MAX_SOURCE_LENGTH - 7)}`;
    const { ast, diagnostics } = parse(atLength);
    expect(diagnostics).toEqual([]);
    expect(ast.body.length).toBeGreaterThan(0);
  });
});
