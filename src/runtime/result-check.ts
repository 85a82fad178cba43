import { assertNever } from '../assert-never.js';
import type { JsonSchema } from '../ir/ir.js';
import { validateAgainstSchema } from './schema-validation.js';

/**
 * What a builtin's result must be. Checked on every result, fresh or replayed: a cache entry
 * is data someone else may have written (a shared redis server, a copied directory), so a
 * replay is trusted no more than a reply.
 */
export type ExpectedResult =
  | { kind: 'text' }
  | { kind: 'texts' }
  | { kind: 'object'; schema: JsonSchema }
  | { kind: 'option'; options: readonly string[] }
  | { kind: 'any' };

/** What a model call says about itself, enough to know what its result must be. */
export interface ResultShapeSource {
  builtin: string;
  responseSchema?: JsonSchema | null;
  choices?: readonly string[] | null;
}

/** The shape a call's result must have, from its builtin (and its schema or options). */
export function expectedResult(call: ResultShapeSource): ExpectedResult {
  switch (call.builtin) {
    case 'generate_text':
    case 'instruct':
    case 'chat':
      return { kind: 'text' };
    case 'generate_texts':
      return { kind: 'texts' };
    case 'generate_object':
      // The schema is part of the cache key, so a replay is checked against the same one.
      return call.responseSchema == null
        ? { kind: 'any' }
        : { kind: 'object', schema: call.responseSchema };
    case 'select':
      return call.choices == null ? { kind: 'any' } : { kind: 'option', options: call.choices };
    default:
      // A builtin this runtime does not know (an API user's own): nothing to hold it to.
      return { kind: 'any' };
  }
}

/**
 * Why `value` is not a result of the expected shape, each problem a predicate to follow "the
 * reply" or "the cached value"; empty when it is one.
 */
export function resultProblems(value: unknown, expected: ExpectedResult): string[] {
  switch (expected.kind) {
    case 'text':
      return typeof value === 'string' ? [] : [`is ${describe(value)}, not a string`];
    case 'texts':
      return Array.isArray(value) && value.every((item) => typeof item === 'string')
        ? []
        : [`is ${describe(value)}, not a list of strings`];
    case 'object': {
      const problems = validateAgainstSchema(value, expected.schema);
      return problems.length === 0 ? [] : [`does not match the schema: ${problems.join('; ')}`];
    }
    case 'option':
      return typeof value === 'string' && expected.options.includes(value)
        ? []
        : [
            `is ${describe(value)}, not one of the options ${expected.options.map((o) => JSON.stringify(o)).join(', ')}`,
          ];
    case 'any':
      return [];
    default:
      return assertNever(expected);
  }
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') {
    const text = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(text);
  }
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${String(value)}`;
}
