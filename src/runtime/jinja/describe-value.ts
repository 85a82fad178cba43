import { isSafeString } from './safe-string.js';

/** A short English name for a value's type, for error messages ("a number", "undefined"). */
export function describeType(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (isSafeString(value)) return 'a string';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'function':
      return 'a function';
    default:
      return 'an object';
  }
}

/** A value as it appears in an error message: strings quoted, others printed short. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null)
    return String(value);
  return describeType(value);
}
