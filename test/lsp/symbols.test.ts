import { describe, expect, test } from 'vitest';
import { analyzeDocument } from '../../lsp/src/analysis/document-analysis.js';
import { variablesVisibleAt, type Variable } from '../../lsp/src/analysis/symbols.js';

/** Analyses `source`; `‸` marks an offset (removed from the text). */
function analyse(source: string) {
  const offset = source.indexOf('‸');
  const text = offset < 0 ? source : source.slice(0, offset) + source.slice(offset + 1);
  return { analysis: analyzeDocument(text, '/virtual/test.ot', 1), offset, text };
}

const visibleNames = (source: string): string[] => {
  const { analysis, offset } = analyse(source);
  return variablesVisibleAt(analysis.symbols, offset)
    .filter((v: Variable) => v.implicit === null)
    .map((v) => v.name)
    .sort();
};

/** The variable each read of `name` resolves to, as binding offsets (null: unresolved). */
function readsOf(source: string, name: string): (number[] | null)[] {
  const { analysis } = analyse(source);
  return analysis.symbols.references
    .filter((reference) => reference.name === name)
    .map((reference) => reference.variable?.bindings.map((binding) => binding.span.start) ?? null);
}

describe('names and scopes, as nunjucks resolves them', () => {
  test('at the top level a name is visible after its binding only', () => {
    expect(readsOf('{{ a }}{% set a = 1 %}{{ a }}', 'a')).toEqual([
      null,
      ['{{ a }}{% set '.length],
    ]);
    expect(visibleNames('{% set a = 1 %}‸{% set b = 2 %}')).toEqual(['a']);
  });

  test('setting a name again binds the same variable', () => {
    const { analysis } = analyse('{% set a = 1 %}{{ a }}{% set a = 2 %}{{ a }}');
    const variables = analysis.symbols.variables.filter((v) => v.name === 'a');
    expect(variables).toHaveLength(1);
    expect(variables[0]!.bindings).toHaveLength(2);
    expect(variables[0]!.references).toHaveLength(2);
  });

  test('in a loop body, a name bound anywhere in the body is visible throughout', () => {
    const source = '{% for x in xs %}{{ seen }}{% set seen = x %}{% endfor %}{{ seen }}';
    const reads = readsOf(source, 'seen');
    expect(reads[0]).toEqual([source.indexOf('seen = x')]);
    // After the loop, the loop's names are gone.
    expect(reads[1]).toBeNull();
    expect(visibleNames('{% for x in xs %}‸{% set seen = x %}{% endfor %}')).toEqual(['seen', 'x']);
  });

  test('a macro body sees top-level names bound after it, and its own parameters', () => {
    const source = '{% macro m(p) %}{{ p }}{{ later }}{% endmacro %}{% set later = 1 %}';
    expect(readsOf(source, 'later')).toEqual([[source.indexOf('later = 1')]]);
    expect(visibleNames('{% macro m(p) %}‸{% endmacro %}{% set later = 1 %}')).toEqual([
      'later',
      'm',
      'p',
    ]);
  });

  test('fork branches do not see each other; their names are visible after the fork', () => {
    const source =
      '{% fork %}{% branch %}<< a = generate_text() >>{% endbranch %}{% branch %}{{ a }}{% endbranch %}{% endfork %}{{ a }}';
    const reads = readsOf(source, 'a');
    expect(reads[0]).toBeNull();
    expect(reads[1]).toEqual([source.indexOf('a = ')]);
  });

  test('an inner scope shadows an outer one', () => {
    const { analysis, offset } = analyse(
      '---\ninput:\n  x: string\n---\n{% for x in [1] %}‸{% endfor %}',
    );
    const [x] = variablesVisibleAt(analysis.symbols, offset).filter((v) => v.name === 'x');
    expect(x!.bindings.map((b) => b.kind)).toEqual(['loop']);
  });

  test('an input named like a builtin makes the name a variable', () => {
    const { analysis } = analyse(
      '---\ninput:\n  chat: string\n---\n<< chat("hi") >><< select(["a"]) >>',
    );
    expect(analysis.symbols.builtins.map((b) => b.name)).toEqual(['select']);
    expect(
      analysis.symbols.references
        .filter((r) => r.called)
        .map((r) => [r.name, r.variable?.bindings[0]?.kind]),
    ).toEqual([['chat', 'input']]);
  });

  test('a capture, a call-bound name and a call tag parameter', () => {
    const source =
      '{% set cap %}x{% endset %}<< out = generate_text() >>{% call(item) m() %}{{ item }}{% endcall %}';
    const { analysis } = analyse(source);
    expect(analysis.symbols.bindings.map((b) => [b.name, b.kind])).toEqual([
      ['cap', 'capture'],
      ['out', 'callBound'],
      ['item', 'callerParam'],
    ]);
    expect(readsOf(source, 'item')).toEqual([[source.indexOf('item)')]]);
  });

  test('a broken template still resolves what parsed', () => {
    const { analysis } = analyse('{% set a = 1 %}{{ a }}{% if %}{{ a');
    expect(analysis.syntaxDiagnostics.length).toBeGreaterThan(0);
    expect(
      analysis.symbols.references.filter((r) => r.name === 'a')[0]?.variable?.bindings,
    ).toHaveLength(1);
  });
});
