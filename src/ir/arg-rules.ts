import { assertNever } from '../assert-never.js';
import { describeStaticValue, type StaticValue } from './static-value.js';

/** The rule a builtin argument's literal value must follow. */
export type ArgRule =
  | 'string'
  | 'number'
  | 'integer'
  | 'positiveInteger'
  | 'stringOrStrings'
  | 'list'
  | 'options'
  | 'schema';

/**
 * Why `value` breaks `rule` (e.g. "must be a positive integer, got 0"), or null when it is fine.
 * Computed values pass (they are checked at run time), and `none` always passes: it means "use
 * the default" (LANGUAGE.md §6).
 */
export function checkArgRule(rule: ArgRule, value: StaticValue): string | null {
  if (value.kind === 'unknown' || value.kind === 'none') return null;
  const got = `, got ${describeStaticValue(value)}`;
  switch (rule) {
    case 'string':
      return value.kind === 'string' ? null : `must be a string${got}`;
    case 'number':
      return value.kind === 'number' ? null : `must be a number${got}`;
    case 'integer':
      return value.kind === 'number' && Number.isInteger(value.value)
        ? null
        : `must be an integer${got}`;
    case 'positiveInteger':
      return value.kind === 'number' && Number.isInteger(value.value) && value.value > 0
        ? null
        : `must be a positive integer${got}`;
    case 'stringOrStrings':
      if (value.kind === 'string') return null;
      if (value.kind === 'list' && value.items.every((item) => isStringLike(item))) return null;
      return `must be a string or a list of strings${got}`;
    case 'list':
      return value.kind === 'list' ? null : `must be a list${got}`;
    case 'options':
      if (value.kind !== 'list') return `must be a list${got}`;
      return value.items.length > 0 ? null : 'must not be an empty list';
    case 'schema':
      return value.kind === 'string' || value.kind === 'dict'
        ? null
        : `must be a schema name or a JSON Schema dict${got}`;
    default:
      return assertNever(rule);
  }
}

function isStringLike(value: StaticValue): boolean {
  return value.kind === 'string' || value.kind === 'unknown';
}
