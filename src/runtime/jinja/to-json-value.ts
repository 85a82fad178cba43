import { JinjaError } from './jinja-error.js';
import { isSafeString } from './safe-string.js';

/** A JSON value, as the run's `outputs` and JSON-rendered call terms hold them. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Converts a template value to plain JSON data, following `JSON.stringify`'s rules so that the
 * result is what a user would see printed: SafeStrings become their text, undefined, functions
 * and non-finite numbers become null (and are left out of objects), objects keep their own
 * enumerable keys in order. A value that contains itself is an error (OT4013), not a hang.
 */
export function toJsonValue(value: unknown): JsonValue {
  const converted = convert(value, []);
  return converted === undefined ? null : converted;
}

/** Returns undefined for values JSON leaves out of objects (undefined, functions, symbols). */
function convert(value: unknown, ancestors: object[]): JsonValue | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return Number(value);
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object':
      break;
  }
  if (value === null) return null;
  if (isSafeString(value)) return value.val;
  const object = value as object;
  if (ancestors.includes(object)) throw new JinjaError('OT4013');
  const toJSON = (object as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return convert(toJSON.call(object), ancestors);
  ancestors.push(object);
  let result: JsonValue;
  if (Array.isArray(object)) {
    const list: JsonValue[] = [];
    for (const item of object) {
      const converted = convert(item, ancestors);
      list.push(converted === undefined ? null : converted);
    }
    result = list;
  } else {
    const record: { [key: string]: JsonValue } = {};
    for (const key of Object.keys(object)) {
      const converted = convert((object as Record<string, unknown>)[key], ancestors);
      if (converted !== undefined) record[key] = converted;
    }
    result = record;
  }
  ancestors.pop();
  return result;
}
