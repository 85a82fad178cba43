import type { Ajv, ValidateFunction } from 'ajv';
import { canonicalJson } from '../cache/canonical-json.js';
import type { JsonSchema } from '../ir/ir.js';
import { createAjv } from '../ir/load-ajv.js';

let shared: Ajv | undefined;
/** Made on the first schema: a flow without one does not load ajv. */
const ajv = (): Ajv => (shared ??= createAjv({ allErrors: true, strict: false }));
const compiled = new WeakMap<object, ValidateFunction>();
/**
 * Validators by the schema's text too: an inline schema (`schema={…}`) is a new object at each
 * evaluation, and every replay is validated, so 10,000 replays must not compile 10,000 times.
 */
const compiledByText = new Map<string, ValidateFunction>();

/** Validates `value` against a JSON Schema; returns readable problems, empty when valid. */
export function validateAgainstSchema(value: unknown, schema: JsonSchema): string[] {
  if (typeof schema === 'boolean') return schema ? [] : ['no value is allowed by schema `false`'];
  const validate = validatorFor(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || 'value'} ${error.message ?? 'is invalid'}`,
  );
}

function validatorFor(schema: Exclude<JsonSchema, boolean>): ValidateFunction {
  let validate = compiled.get(schema);
  if (validate) return validate;
  const text = canonicalJson(schema);
  validate = compiledByText.get(text);
  if (!validate) {
    validate = ajv().compile(schema);
    compiledByText.set(text, validate);
  }
  compiled.set(schema, validate);
  return validate;
}
