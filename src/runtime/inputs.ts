import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { TemplateIR } from '../ir/ir.js';
import { validateAgainstSchema } from './schema-validation.js';

/**
 * Checks a run's inputs against the front matter before any call is made (LANGUAGE.md §2):
 * defaults filled in, every missing required input and every ill-typed value reported at once.
 * Inputs the front matter does not declare pass through (nunjucks templates read any context).
 */
export function validateInputs(
  template: TemplateIR,
  inputs: Record<string, unknown>,
): { values: Record<string, unknown>; diagnostics: Diagnostic[] } {
  const values: Record<string, unknown> = { ...inputs };
  const diagnostics: Diagnostic[] = [];
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
