import { isMap, isScalar } from 'yaml';
import type { Span } from '../source/span.js';
import type { JsonSchema } from './ir.js';
import type { FrontMatterContext } from './front-matter-context.js';
import { jsonSchemaProblem } from './json-schema-check.js';

/** Lowers `schemas:`: a map of name → JSON Schema, each checked with Ajv. */
export function lowerSchemas(
  node: unknown,
  keySpan: Span,
  fm: FrontMatterContext,
): Record<string, JsonSchema> {
  const schemas: Record<string, JsonSchema> = {};
  if (isScalar(node) && node.value === null) return schemas;
  if (!isMap(node)) {
    fm.report('OT2004', fm.spanOf(node, keySpan), {
      reason: '`schemas` must be a map of schema names to JSON Schemas',
    });
    return schemas;
  }
  for (const pair of node.items) {
    const nameSpan = fm.spanOf(pair.key, keySpan);
    const name = isScalar(pair.key) ? pair.key.value : undefined;
    if (typeof name !== 'string' || name === '') {
      fm.report('OT2004', nameSpan, { reason: 'a schema name must be a non-empty string' });
      continue;
    }
    const valueSpan = fm.spanOf(pair.value, nameSpan);
    const value = fm.valueOf(pair.value, nameSpan);
    if (value === undefined) continue;
    const isSchemaShape =
      typeof value === 'boolean' ||
      (typeof value === 'object' && value !== null && !Array.isArray(value));
    if (!isSchemaShape) {
      fm.report('OT2004', valueSpan, {
        reason: `schema \`${name}\` must be a JSON Schema map`,
      });
      continue;
    }
    const schema = value as JsonSchema;
    const problem = jsonSchemaProblem(schema);
    if (problem !== null) {
      fm.report('OT2004', valueSpan, {
        reason: `schema \`${name}\` is not a valid JSON Schema: ${problem}`,
      });
      continue;
    }
    schemas[name] = schema;
  }
  return schemas;
}
