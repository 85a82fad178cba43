import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { TemplateNode } from '../../src/syntax/ast.js';
import { parse } from '../../src/syntax/index.js';

// parse() runs on every keystroke in an editor: whatever the text, it must return an AST and
// diagnostics whose spans lie inside the text, and never throw or overflow the stack.

const piece = fc.oneof(
  fc.constantFrom(
    '{{',
    '}}',
    '{%',
    '%}',
    '{#',
    '#}',
    '<<',
    '>>',
    '{{-',
    '-}}',
    '{%-',
    '-%}',
    '{#-',
    '-#}',
    '<<-',
    '->>',
    '---',
    '---\n',
    '\n---\n',
    '\r\n',
    '\n',
    '\r',
    ' ',
    '\t',
    '\u0000',
    '\ufeff',
    '\ud800',
    '\udc00',
    '\u2028',
    '😀',
    '"',
    "'",
    '\\',
    '(',
    ')',
    '[',
    ']',
    '{',
    '}',
    ',',
    ':',
    '.',
    '|',
    '=',
    '==',
    '+',
    '-',
    '*',
    '**',
    '/',
    '//',
    '%',
    '~',
    '<',
    '>',
    '!',
    '?',
    'not',
    'in',
    'is',
    'if',
    'else',
    'elif',
    'endif',
    'for',
    'endfor',
    'set',
    'endset',
    'raw',
    'endraw',
    'macro',
    'call',
    'filter',
    'fork',
    'branch',
    'role',
    'include',
    'block',
    'x',
    'f(',
    'a.b',
    '1',
    '1.5',
    'none',
    'True',
    'generate_text()',
    'name =',
    'text ',
  ),
  fc.string({ maxLength: 3 }),
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
);
const messyText = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(''));

function checkSpans(text: string, ast: TemplateNode, diagnostics: Diagnostic[]): void {
  for (const diagnostic of diagnostics) {
    expect(diagnostic.code).not.toBe('OT1013');
    expect(diagnostic.span.start).toBeGreaterThanOrEqual(0);
    expect(diagnostic.span.start).toBeLessThanOrEqual(diagnostic.span.end);
    expect(diagnostic.span.end).toBeLessThanOrEqual(text.length);
  }
  // Every span in the AST lies inside the text too.
  const stack: unknown[] = [ast];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) stack.push(...value);
    else if (value !== null && typeof value === 'object') {
      const span = (value as { span?: { start: number; end: number } }).span;
      if (span !== undefined) {
        expect(Number.isInteger(span.start) && Number.isInteger(span.end)).toBe(true);
        expect(span.start).toBeGreaterThanOrEqual(0);
        expect(span.start).toBeLessThanOrEqual(span.end);
        expect(span.end).toBeLessThanOrEqual(text.length);
      }
      stack.push(...Object.values(value));
    }
  }
}

describe('parse() is robust', () => {
  it('never throws, and every span lies inside the text (delimiter soup)', () => {
    fc.assert(
      fc.property(messyText, (text) => {
        const { ast, diagnostics } = parse(text);
        checkSpans(text, ast, diagnostics);
      }),
      { numRuns: 1500 },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const { ast, diagnostics } = parse(text);
        checkSpans(text, ast, diagnostics);
      }),
      { numRuns: 500 },
    );
  });

  it('reports every problem of a file at once', () => {
    const text = '{{ a + }}\n{% if %}\n{% foo %}\n{{ "x }}\n{% endfor %}\n{% for x in y %}';
    const codes = parse(text).diagnostics.map((d) => d.code);
    // Sorted by position: the unterminated `if` starts before its missing test.
    expect(codes).toEqual(['OT1001', 'OT1010', 'OT1001', 'OT1003', 'OT1006', 'OT1004', 'OT1010']);
  });

  it('leaves most of the stack to its caller', () => {
    // An editor or a test runner calls parse() from a stack that is already deep.
    const deepest = `<< ${'f(['.repeat(1000)} >> {{ ${'[('.repeat(1000)} }}`;
    const callFrom = (depth: number): string[] =>
      depth === 0 ? parse(deepest).diagnostics.map((d) => d.code) : callFrom(depth - 1);
    const codes = callFrom(3000);
    expect(codes).toContain('OT1011');
    expect(codes).not.toContain('OT1013');
  });

  const N = 20_000;
  const deep: Record<string, string> = {
    'nested if': `${'{% if a %}'.repeat(N)}x${'{% endif %}'.repeat(N)}`,
    'unclosed if': '{% if a %}'.repeat(N),
    'nested parentheses': `{{ ${'('.repeat(N)}x${')'.repeat(N)} }}`,
    'nested brackets': `{{ ${'['.repeat(N)}${']'.repeat(N)} }}`,
    'unclosed brackets in a call block': `<< ${'[('.repeat(N)} >>`,
    'nested calls': `{{ ${'f('.repeat(N)}${')'.repeat(N)} }}`,
    'nested dicts': `{% set d = ${'{a: '.repeat(N)}1${'}'.repeat(N)} %}`,
    'long chain': `{{ ${Array.from({ length: N }, () => 'a').join(' ~ ')} }}`,
    'many nots': `{{ ${'not '.repeat(N)}a }}`,
    'many signs': `{{ ${'-'.repeat(N)}a }}`,
    'long member chain': `{{ a${'.b'.repeat(N)} }}`,
    'many filters': `{{ a${' | f'.repeat(N)} }}`,
  };
  for (const [name, text] of Object.entries(deep)) {
    it(`survives ${N.toLocaleString('en')} levels: ${name}`, () => {
      const { ast, diagnostics } = parse(text);
      checkSpans(text, ast, diagnostics);
      expect(diagnostics.map((d) => d.code)).toContain('OT1011');
      // The AST is shallow enough for recursive consumers.
      expect(() => JSON.stringify(ast)).not.toThrow();
    });
  }
});
