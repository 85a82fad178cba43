import { JinjaError } from './jinja-error.js';
import { nunjucksContext } from './nunjucks-env.js';

/** A keyword-argument record marked the way nunjucks' `runtime.makeKeywordArgs` marks it. */
export type KeywordArgs = Record<string, unknown> & { __keywords: true };

/**
 * Calls a template value, as nunjucks' `runtime.callWrap` does: a falsy callee or one that is
 * not a function is OT4007 (naming `name`, e.g. `foo` or `user["greet"]`); keyword arguments
 * travel as one extra last argument marked `__keywords: true` (nunjucks' convention, which its
 * macros and the `sort`/`int` filters decode); `this` is the render context.
 */
export function callValue(
  callee: unknown,
  args: readonly unknown[],
  kwargs: Record<string, unknown> | null,
  name: string,
): unknown {
  if (!callee) throw new JinjaError('OT4007', { name, what: 'undefined or falsey' });
  if (typeof callee !== 'function')
    throw new JinjaError('OT4007', { name, what: 'not a function' });
  const fn = callee as (...a: unknown[]) => unknown;
  if (kwargs === null || !hasKeys(kwargs)) return fn.apply(nunjucksContext, args as unknown[]);
  return fn.apply(nunjucksContext, [...args, makeKeywordArgs(kwargs)]);
}

/** A copy of `kwargs` marked as nunjucks' keyword-argument object. */
export function makeKeywordArgs(kwargs: Record<string, unknown>): KeywordArgs {
  return Object.assign({}, kwargs, { __keywords: true as const });
}

/** True for a keyword-argument object (nunjucks checks for an own `__keywords` property). */
export function isKeywordArgs(value: unknown): value is KeywordArgs {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.prototype.hasOwnProperty.call(value, '__keywords')
  );
}

/**
 * Splits a nunjucks-convention argument list into positional arguments and keywords: what a
 * macro called from outside the interpreter (by a filter, or through `callValue`) receives.
 */
export function splitKeywordArgs(callArgs: readonly unknown[]): {
  args: unknown[];
  kwargs: Record<string, unknown> | null;
} {
  const last = callArgs[callArgs.length - 1];
  if (callArgs.length === 0 || !isKeywordArgs(last))
    return { args: callArgs.slice(), kwargs: null };
  const kwargs: Record<string, unknown> = {};
  for (const key of Object.keys(last)) if (key !== '__keywords') kwargs[key] = last[key];
  return { args: callArgs.slice(0, -1), kwargs };
}

function hasKeys(record: Record<string, unknown>): boolean {
  for (const key in record) if (Object.prototype.hasOwnProperty.call(record, key)) return true;
  return false;
}
