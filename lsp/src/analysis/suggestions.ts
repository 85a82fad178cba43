import {
  builtinNames,
  closestName,
  nunjucksFilterNames,
  nunjucksTestNames,
  type Diagnostic,
} from 'ot-lang/tools';
import type { DocumentAnalysis } from './document-analysis.js';
import { variablesVisibleAt } from './symbols.js';

/**
 * What a published diagnostic carries in its `data` for the quick fixes: the misspelt name and
 * the closest known name ("did you mean"), when there is one.
 */
export interface SuggestionData {
  name: string;
  suggestion: string | null;
}

/**
 * The "did you mean" of a diagnostic, with the same rule as the checker's hints (the closest name
 * within a third of the name's length): unknown filters, tests and builtins; undefined
 * variables; inputs a `flow()` call gives that the callee does not declare; unknown schemas.
 * Null for other diagnostics.
 */
export function suggestionFor(
  diagnostic: Diagnostic,
  analysis: () => DocumentAnalysis,
): SuggestionData | null {
  const known = knownNames(diagnostic, analysis);
  if (known === null) return null;
  return { name: known.name, suggestion: closestName(known.name, known.names) };
}

function knownNames(
  diagnostic: Diagnostic,
  analysisOf: () => DocumentAnalysis,
): { name: string; names: readonly string[] } | null {
  const name = typeof diagnostic.args['name'] === 'string' ? diagnostic.args['name'] : null;
  switch (diagnostic.code) {
    case 'OT2006':
      return name === null ? null : { name, names: [...nunjucksFilterNames] };
    case 'OT2010':
      return name === null ? null : { name, names: [...nunjucksTestNames] };
    case 'OT2001': {
      if (name === null) return null;
      const analysis = analysisOf();
      const shadowed = analysis.symbols.shadowedBuiltins;
      const macros = variablesVisibleAt(analysis.symbols, diagnostic.span.start)
        .filter((variable) => variable.bindings.some((binding) => binding.kind === 'macro'))
        .map((variable) => variable.name);
      return { name, names: [...builtinNames.filter((b) => !shadowed.has(b)), ...macros] };
    }
    case 'OT2003': {
      if (name === null) return null;
      const visible = variablesVisibleAt(analysisOf().symbols, diagnostic.span.start);
      return { name, names: visible.map((variable) => variable.name) };
    }
    case 'OT2011': {
      if (name === null) return null;
      const schemas = analysisOf().frontMatter?.schemas ?? [];
      return { name, names: schemas.map((schema) => schema.name) };
    }
    case 'OT2008': {
      // `flow`'s "`x.ot` has no input `topc`; its inputs: topic, tone".
      const reason = String(diagnostic.args['reason'] ?? '');
      const match = /has no input `([^`]+)`; its inputs: (.*)$/.exec(reason);
      if (diagnostic.args['builtin'] !== 'flow' || !match) return null;
      const names = match[2] === '(none)' ? [] : match[2]!.split(', ');
      return { name: match[1]!, names };
    }
    default:
      return null;
  }
}
