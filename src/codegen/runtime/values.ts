import type { ExecState, Value } from '../../runtime/interpreter/exec-state.js';
import { lookupVariable } from '../../runtime/interpreter/lookup-variable.js';
import { invokeMacro, isMacro } from '../../runtime/interpreter/macro.js';
import { locateError } from '../../runtime/interpreter/runtime-error.js';
import {
  applyFilter,
  applyTest,
  callValue,
  getIndex,
  getMember,
  makeDict,
} from '../../runtime/interpreter/values.js';
import type { Span } from '../../source/span.js';
import { stampImage } from '../../runtime/jinja/template-image.js';

/*
 * The expression helpers of generated code: each is the interpreter's evaluation of one node
 * (src/runtime/interpreter/eval-expr.ts) once its operands are known, calling the same shared
 * value helpers and locating errors at the same span. Generated code calls them directly where
 * the operands are known, and inside `whenKnown`/`whenAllKnown` where they may wait for calls.
 */

/** A variable, as `name` evaluates (`lookupVariable`: forbidden names are OT4001). */
export function lookup(state: ExecState, name: string): Value {
  return lookupVariable(state, name);
}

/** `object.property` */
export function member(state: ExecState, object: unknown, property: string, span: Span): unknown {
  try {
    return getMember(object, property);
  } catch (error) {
    throw locateError(error, span, state.template.path);
  }
}

/** `object[index]` */
export function index(state: ExecState, object: unknown, key: unknown, span: Span): unknown {
  try {
    return getIndex(object, key);
  } catch (error) {
    throw locateError(error, span, state.template.path);
  }
}

/** `target | name(args)` */
export function filter(
  state: ExecState,
  name: string,
  target: unknown,
  args: readonly unknown[],
  kwargs: Record<string, unknown> | null,
  span: Span,
): unknown {
  try {
    return applyFilter(name, target, args, kwargs);
  } catch (error) {
    throw locateError(error, span, state.template.path);
  }
}

/** `target is [not] name(args)` */
export function test(
  state: ExecState,
  name: string,
  target: unknown,
  args: readonly unknown[],
  negated: boolean,
  span: Span,
): boolean {
  let result: boolean;
  try {
    result = applyTest(name, target, args);
  } catch (error) {
    throw locateError(error, span, state.template.path);
  }
  return negated ? !result : result;
}

/**
 * `callee(args)`: a template macro runs with the caller's state (its calls see the caller's
 * prefix); anything else is called as nunjucks calls it, named `describe` in errors. An image
 * it returns records the call's place (`literalSource`: its source argument is a literal).
 */
export function call(
  state: ExecState,
  callee: unknown,
  args: unknown[],
  kwargs: Record<string, unknown> | null,
  describe: string,
  span: Span,
  literalSource = false,
): Value {
  if (isMacro(callee)) return callee[invokeMacro](args, kwargs, state);
  try {
    const result = callValue(callee, args, kwargs, describe);
    return stampImage(result, { file: state.template.path, span, literal: literalSource });
  } catch (error) {
    throw locateError(error, span, state.template.path);
  }
}

/** `{k: v, …}` from alternating keys and values, keys converted as the interpreter converts them. */
export function dict(parts: readonly unknown[]): Record<string, unknown> {
  return makeDict(parts);
}

/** Splits evaluated values into positional arguments and keywords (`names` are the keywords, last). */
export function splitValues(
  values: readonly unknown[],
  names: readonly string[],
): { args: unknown[]; kwargs: Record<string, unknown> | null } {
  const positional = values.length - names.length;
  const args = values.slice(0, positional);
  if (names.length === 0) return { args, kwargs: null };
  const kwargs: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) kwargs[names[i]!] = values[positional + i];
  return { args, kwargs };
}
