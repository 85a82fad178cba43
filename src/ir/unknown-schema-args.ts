import type { DiagnosticArgs } from '../diagnostics/index.js';
import type { JsonSchema } from './ir.js';

/** The OT2011 arguments when `value` names a schema that front matter does not declare, else null. */
export function unknownSchemaArgs(
  value: unknown,
  schemas: Record<string, JsonSchema>,
): DiagnosticArgs | null {
  if (typeof value !== 'string' || Object.hasOwn(schemas, value)) return null;
  const known = Object.keys(schemas);
  return {
    name: value,
    known: known.length === 0 ? '(none)' : known.map((name) => `\`${name}\``).join(', '),
  };
}
