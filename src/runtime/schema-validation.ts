import { Ajv, type ValidateFunction } from 'ajv';
import type { JsonSchema } from '../ir/ir.js';
import { addStandardFormats } from '../ir/ajv-formats.js';

const ajv = addStandardFormats(new Ajv({ allErrors: true, strict: false }));
const compiled = new WeakMap<object, ValidateFunction>();

/** Validates `value` against a JSON Schema; returns readable problems, empty when valid. */
export function validateAgainstSchema(value: unknown, schema: JsonSchema): string[] {
  if (typeof schema === 'boolean') return schema ? [] : ['no value is allowed by schema `false`'];
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || 'value'} ${error.message ?? 'is invalid'}`,
  );
}
