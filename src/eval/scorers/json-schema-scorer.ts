import type { JsonSchema } from '../../ir/ir.js';
import { validateAgainstSchema } from '../../runtime/schema-validation.js';
import type { Scorer } from './scorer-types.js';

/**
 * `json_schema`: whether the scored value is valid against a schema — a name declared in the
 * scored flow's front matter `schemas`, or one written inline. Text is parsed as JSON first;
 * text that is not JSON fails.
 */
export function jsonSchemaScorer(
  name: string,
  output: string | null,
  schema: string | JsonSchema,
): Scorer {
  return {
    name,
    output,
    score(input) {
      const resolved = typeof schema === 'string' ? input.schemas[schema] : schema;
      if (resolved === undefined) {
        throw new Error(`the flow declares no schema \`${String(schema)}\``);
      }
      let value = input.output;
      if (typeof value === 'string') {
        try {
          value = JSON.parse(value) as unknown;
        } catch {
          return Promise.resolve(false);
        }
      }
      return Promise.resolve(validateAgainstSchema(value, resolved).length === 0);
    },
  };
}
