import type { JsonSchema } from '../../ir/ir.js';
import { validateAgainstSchema } from '../../runtime/schema-validation.js';
import type { Scorer } from './scorer-types.js';

/**
 * `json_schema`: whether the scored value is valid against a schema — a name declared in the
 * scored flow's front matter `schemas`, or one written inline. Text that does not validate as
 * text is parsed as JSON and validated again.
 */
export function jsonSchemaScorer(
  name: string,
  output: string | null,
  schema: string | JsonSchema,
): Scorer {
  return {
    name,
    output,
    // Async so that a missing schema rejects rather than throws.
    async score(input) {
      const resolved = typeof schema === 'string' ? input.schemas[schema] : schema;
      if (resolved === undefined) {
        throw new Error(`the flow declares no schema \`${String(schema)}\``);
      }
      if (validateAgainstSchema(input.output, resolved).length === 0) return true;
      if (typeof input.output !== 'string') return false;
      let parsed: unknown;
      try {
        parsed = JSON.parse(input.output);
      } catch {
        return false;
      }
      return validateAgainstSchema(parsed, resolved).length === 0;
    },
  };
}
