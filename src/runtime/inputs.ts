import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { TemplateIR } from '../ir/ir.js';
import { validateAgainstSchema } from './schema-validation.js';

/**
 * Checks a run's inputs against the front matter before any call is made (LANGUAGE.md §2):
 * defaults filled in, every missing required input and every ill-typed value reported at once.
 * A template that declares no inputs takes any (nunjucks templates read any context); one that
 * declares some refuses any other name (OT4021, with the closest declared name): a mistyped
 * input would otherwise be ignored and the default used in silence.
 */
export function validateInputs(
  template: TemplateIR,
  inputs: Record<string, unknown>,
): { values: Record<string, unknown>; diagnostics: Diagnostic[] } {
  const values: Record<string, unknown> = { ...inputs };
  const diagnostics: Diagnostic[] = [];
  const declared = Object.keys(template.meta.inputs);
  const first = declared.length > 0 ? template.meta.inputs[declared[0]!]! : null;
  for (const name of Object.keys(inputs)) {
    if (first === null || Object.hasOwn(template.meta.inputs, name)) continue;
    diagnostics.push(
      createDiagnostic('OT4021', template.path, first.span, {
        name,
        file: template.path,
        hint: didYouMean(name, declared),
        known: declared.join(', '),
      }),
    );
  }
  for (const [name, spec] of Object.entries(template.meta.inputs)) {
    if (values[name] === undefined) {
      if (spec.required) {
        diagnostics.push(createDiagnostic('OT4002', template.path, spec.span, { name }));
        continue;
      }
      values[name] = structuredClone(spec.default);
    }
    const problems = validateAgainstSchema(values[name], spec.schema);
    if (problems.length > 0) {
      diagnostics.push(
        createDiagnostic('OT4003', template.path, spec.span, {
          name,
          reason: `is invalid: ${problems.join('; ').replace(/^value /, '')} (got ${JSON.stringify(values[name])})`,
        }),
      );
    }
  }
  return { values, diagnostics };
}
