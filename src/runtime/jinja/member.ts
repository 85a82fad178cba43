import { JinjaError } from './jinja-error.js';

/**
 * `obj.name` and `obj[key]`, as nunjucks' `runtime.memberLookup`: undefined or null gives
 * undefined (no error), a function-valued member comes back bound to its object (so
 * `"a,b".split(",")` works), anything else is read as JavaScript reads it.
 *
 * Unlike nunjucks, it refuses `constructor`, `__proto__` and `prototype` (and the legacy
 * `__defineGetter__`/`__lookupGetter__` family, which reach `__proto__` indirectly) with OT4001,
 * whatever the object, so that no key taken from data can reach JavaScript's internals
 * (LANGUAGE.md §3).
 */
export function getMember(object: unknown, key: unknown): unknown {
  // JavaScript converts the key to a string before the lookup; check the converted key, so that
  // `x[["constructor"]]` cannot slip through.
  const name = typeof key === 'string' || typeof key === 'number' ? key : String(key);
  if (typeof name === 'string' && isForbiddenProperty(name))
    throw new JinjaError('OT4001', { name });
  if (object === undefined || object === null) return undefined;
  const value = (object as Record<string | number, unknown>)[name];
  if (typeof value === 'function') {
    // nunjucks re-reads the member at call time and calls it with the object as `this`.
    return function boundMember(...args: unknown[]): unknown {
      return (object as Record<string | number, (...a: unknown[]) => unknown>)[name]!.apply(
        object,
        args,
      );
    };
  }
  return value;
}

/** `obj[key]`: in nunjucks, the same lookup as `obj.name`. */
export const getIndex: (object: unknown, key: unknown) => unknown = getMember;

/** True for the property names that member access refuses. */
export function isForbiddenProperty(name: string): boolean {
  switch (name) {
    case 'constructor':
    case '__proto__':
    case 'prototype':
    case '__defineGetter__':
    case '__defineSetter__':
    case '__lookupGetter__':
    case '__lookupSetter__':
      return true;
    default:
      return false;
  }
}
