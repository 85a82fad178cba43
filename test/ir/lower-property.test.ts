import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile.js';

// Fragments that open and close blocks in any order, so most generated files are broken in
// some way: lowering must still never throw, and every diagnostic must point inside the file.
const fragments = [
  'text ',
  '\n',
  '{# note #}',
  '{{ name }}',
  '{{ y | nope }}',
  '{{ 3 is odd }}',
  '{{ generate_text() }}',
  '<< generate_text() >>',
  '<< x = select(["a"]) >>',
  '<< generate_texts(samples=0) + "!" >>',
  '<< generate_object(schema="S") >>',
  '<< nothing() >>',
  '{% set s = 1 %}',
  '{% set c %}',
  '{% endset %}',
  '{% if s %}',
  '{% else %}',
  '{% endif %}',
  '{% for a in [1, 2] %}',
  '{% endfor %}',
  '{% fork %}',
  '{% endfork %}',
  '{% branch %}',
  '{% endbranch %}',
  '{% role "user" %}',
  '{% role "narrator" %}',
  '{% endrole %}',
  '{% macro m(p) %}',
  '{% endmacro %}',
  '{% include "other.ot" %}',
  '{% extends "base.ot" %}',
  '{% raw %}{{ }}{% endraw %}',
];
const frontMatters = [
  '',
  '---\ninput:\n  name: string\n---\n',
  '---\ninput:\n  a: strng\nschemas: [1]\nextra: 1\n---\n',
  '---\ndefaults:\n  generate_text: {temperature: hot}\n---\n',
  '---\n: [\n---\n',
];
const templates = fc
  .tuple(
    fc.constantFrom(...frontMatters),
    fc.array(fc.constantFrom(...fragments), { maxLength: 25 }),
  )
  .map(([frontMatter, body]) => frontMatter + body.join(''));

describe('lowering properties', () => {
  it('never throws, keeps spans inside the file, and gives plain JSON IR', () => {
    fc.assert(
      fc.property(templates, (text) => {
        const { ir, diagnostics } = compile(text, 'p.ot');
        for (const d of diagnostics) {
          expect(d.span.start).toBeGreaterThanOrEqual(0);
          expect(d.span.start).toBeLessThanOrEqual(d.span.end);
          expect(d.span.end).toBeLessThanOrEqual(text.length);
          expect(d.file).toBe('p.ot');
        }
        expect(JSON.parse(JSON.stringify(ir))).toEqual(ir);
      }),
      { numRuns: 300 },
    );
  });
});
