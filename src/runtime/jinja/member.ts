import { isForbiddenName } from './forbidden-names.js';
import { hideSource } from './function-text.js';
import { JinjaError } from './jinja-error.js';
import { isCallableMember } from './safe-methods.js';

/**
 * `obj.name` and `obj[key]`, as nunjucks' `runtime.memberLookup`: undefined or null gives
 * undefined (no error), a function-valued member comes back bound to its object (so
 * `"a,b".split(",")` works), anything else is read as JavaScript reads it.
 *
 * Unlike nunjucks, it is the sandbox's gate (README, "Sandbox and threat model"), each refusal
 * an OT4001 naming the property:
 * - the forbidden names (`constructor`, `__proto__`, `prototype`, the legacy
 *   `__defineGetter__` family), whatever the object, including when the key comes from data;
 * - every member of a function (`f.call`, `f.apply`, `f.bind`, `f.toString`, `f.caller`…);
 * - a function-valued member that is neither an own property of the value nor one of the listed
 *   safe methods of strings, lists, numbers and dicts (src/runtime/jinja/safe-methods.ts).
 */
export function getMember(object: unknown, key: unknown): unknown {
  // JavaScript converts the key to a string before the lookup; check the converted key, so that
  // `x[["constructor"]]` cannot slip through.
  const name = typeof key === 'string' || typeof key === 'number' ? key : String(key);
  if (typeof name === 'string' && isForbiddenName(name)) throw new JinjaError('OT4001', { name });
  if (object === undefined || object === null) return undefined;
  if (typeof object === 'function') throw new JinjaError('OT4001', { name: String(name) });
  const value = (object as Record<string | number, unknown>)[name];
  if (typeof value !== 'function') return value;
  if (!isCallableMember(object, String(name)))
    throw new JinjaError('OT4001', { name: String(name) });
  // nunjucks re-reads the member at call time and calls it with the object as `this`.
  return hideSource(function boundMember(...args: unknown[]): unknown {
    return (object as Record<string | number, (...a: unknown[]) => unknown>)[name]!.apply(
      object,
      args,
    );
  });
}

/** `obj[key]`: in nunjucks, the same lookup as `obj.name`. */
export const getIndex: (object: unknown, key: unknown) => unknown = getMember;

/** True for the property names that member access refuses whatever the object. */
export const isForbiddenProperty: (name: string) => boolean = isForbiddenName;
