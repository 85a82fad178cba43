import type { FrontMatterEntry } from './front-matter.js';
import type { DocumentAnalysis } from './document-analysis.js';
import { contains, type Span } from './span.js';
import type { Binding, BuiltinKeyword, BuiltinReference, Reference, Variable } from './symbols.js';
import { fileReferences, schemaReferences, type FileReference } from './targets.js';

/** What the cursor is on, for hover, definition, references and rename. */
export type SymbolAt =
  | {
      kind: 'variable';
      variable: Variable;
      span: Span;
      binding: Binding | null;
      reference: Reference | null;
    }
  | { kind: 'unresolved'; reference: Reference }
  | { kind: 'builtin'; builtin: BuiltinReference }
  | { kind: 'builtinKeyword'; keyword: BuiltinKeyword }
  | { kind: 'filter'; name: string; span: Span }
  | { kind: 'test'; name: string; span: Span }
  | { kind: 'file'; file: FileReference }
  | { kind: 'schema'; name: string; span: Span; declaration: FrontMatterEntry | null };

/** The symbol under the cursor (a cursor right after a name counts as on it). */
export function symbolAt(analysis: DocumentAnalysis, offset: number): SymbolAt | null {
  const { symbols, frontMatter } = analysis;
  const on = (span: Span) => contains(span, offset, true);

  for (const binding of symbols.bindings) {
    if (on(binding.span)) {
      return {
        kind: 'variable',
        variable: binding.variable,
        span: binding.span,
        binding,
        reference: null,
      };
    }
  }
  for (const reference of symbols.references) {
    if (!on(reference.span)) continue;
    return reference.variable
      ? {
          kind: 'variable',
          variable: reference.variable,
          span: reference.span,
          binding: null,
          reference,
        }
      : { kind: 'unresolved', reference };
  }
  for (const builtin of symbols.builtins) if (on(builtin.span)) return { kind: 'builtin', builtin };
  for (const keyword of symbols.builtinKeywords) {
    if (on(keyword.name.span)) return { kind: 'builtinKeyword', keyword };
  }
  for (const filter of symbols.filters)
    if (on(filter.span)) return { kind: 'filter', name: filter.name, span: filter.span };
  for (const test of symbols.tests)
    if (on(test.span)) return { kind: 'test', name: test.name, span: test.span };

  const schemas = frontMatter?.schemas ?? [];
  for (const schema of schemas) {
    if (on(schema.span))
      return { kind: 'schema', name: schema.name, span: schema.span, declaration: schema };
  }
  for (const reference of schemaReferences(symbols)) {
    if (contains(reference.literal.span, offset)) {
      const declaration = schemas.find((schema) => schema.name === reference.name) ?? null;
      return { kind: 'schema', name: reference.name, span: reference.literal.span, declaration };
    }
  }
  for (const file of fileReferences(analysis.ast, symbols, analysis.path)) {
    if (contains(file.literal.span, offset)) return { kind: 'file', file };
  }
  // `output: name` in the front matter reads a top-level variable.
  const output = frontMatter?.output;
  if (output?.valueSpan && on(output.valueSpan)) {
    const variable = symbols.variables.find(
      (v) =>
        v.name === output.valueText &&
        v.scope.parent === null &&
        v.implicit === null &&
        v.bindings.length > 0,
    );
    if (variable) {
      return { kind: 'variable', variable, span: output.valueSpan, binding: null, reference: null };
    }
  }
  return null;
}
