import type { JsonSchema } from './ir.js';

/** The short input types of LANGUAGE.md §2 and the JSON Schema each stands for. */
export const shortInputTypes: Readonly<Record<string, JsonSchema>> = {
  string: { type: 'string' },
  number: { type: 'number' },
  integer: { type: 'integer' },
  boolean: { type: 'boolean' },
  list: { type: 'array' },
  object: { type: 'object' },
  any: {},
};

/** The names of the short types, for messages. */
export const shortInputTypeNames = Object.keys(shortInputTypes);

/**
 * Normalises the `type` of a schema written as a map, so `{type: list}` and `{type: any}` mean
 * what the short forms mean; every other schema is kept as written.
 */
export function normaliseSchemaType(schema: Record<string, unknown>): Record<string, unknown> {
  const type = schema['type'];
  if (type === 'list') return { ...schema, type: 'array' };
  if (type === 'any') {
    const { type: _any, ...rest } = schema;
    return rest;
  }
  return schema;
}
