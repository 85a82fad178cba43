import type { Ajv } from 'ajv';
import { createAjv } from './load-ajv.js';
import type { JsonSchema } from './ir.js';

let shared: Ajv | undefined;

/**
 * One quiet Ajv for checking front matter: no strict mode (users write annotations ajv does not
 * know), the standard formats (so a default is checked against `format: email` as a value would
 * be), and schemas with an `$id` are not registered, so compiling the same schema twice is not
 * an error.
 */
function ajv(): Ajv {
  shared ??= createAjv({ strict: false, addUsedSchema: false, logger: false });
  return shared;
}

/** Why `schema` is not a usable JSON Schema, or null when it is. */
export function jsonSchemaProblem(schema: JsonSchema): string | null {
  try {
    ajv().compile(schema);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Why `value` does not validate against `schema` (assumed usable), or null when it does. */
export function schemaMismatch(value: unknown, schema: JsonSchema): string | null {
  const validate = ajv().compile(schema);
  if (validate(value)) return null;
  return ajv().errorsText(validate.errors, { dataVar: 'value' });
}
