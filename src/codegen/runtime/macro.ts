import type { ExecState, Value } from '../../runtime/interpreter/exec-state.js';
import { Frame } from '../../runtime/interpreter/frame.js';
import { LexicalScope } from '../../runtime/interpreter/lexical-scope.js';
import { invokeMacro, isMacro, type MacroFunction } from '../../runtime/interpreter/macro.js';
import { OutputBuffer, ownText } from '../../runtime/interpreter/output-buffer.js';
import { whenAllKnown, whenKnown } from '../../runtime/interpreter/pending.js';
import { withSpan } from '../../runtime/interpreter/runtime-error.js';
import {
  bindMacroArgs,
  callValue,
  createMacroSignature,
  markSafe,
  renderOutput,
  splitKeywordArgs,
  USE_DEFAULT,
} from '../../runtime/interpreter/values.js';
import type { Span } from '../../source/span.js';
import type { Body } from './control.js';
import { splitValues } from './values.js';

/** A macro parameter of generated code: its default is a compiled expression, evaluated at call time. */
export interface CompiledParam {
  name: string;
  defaultValue: ((state: ExecState) => Value) | null;
}

/**
 * A macro whose body is generated code, with exactly the interpreter's calling convention
 * (src/runtime/interpreter/macro.ts `createMacro`, which takes IR; this is its mirror): arguments
 * bound by the shared `bindMacroArgs`; a macro body runs in a fresh frame, a `call` body in a
 * child of the frame current when `caller()` runs; positional parameters are compiled variables
 * (the lexical scope); defaults are evaluated at call time, in order, in the macro's frame; the
 * body writes into a buffer that starts after the caller's prefix (so its calls see it); the
 * result is a safe string. Macros of both kinds answer `isMacro` and can call each other.
 */
export function createCompiledMacro(
  params: readonly CompiledParam[],
  body: Body | TextBody,
  definition: ExecState,
  keepFrame: boolean,
  returnsText = false,
): MacroFunction {
  const signature = createMacroSignature(params);
  const ordered = [
    ...params.filter((p) => p.defaultValue === null),
    ...params.filter((p) => p.defaultValue !== null),
  ];

  const invoke = (
    args: unknown[],
    kwargs: Record<string, unknown> | null,
    caller: ExecState,
  ): Value => {
    const bound = bindMacroArgs(signature, args, kwargs);
    const frame = keepFrame ? caller.frame.push(true) : new Frame(null, false);
    if (bound.hasCaller) frame.set('caller', bound.caller);
    // A body that returns its text writes nothing: it needs no buffer of its own.
    const buffer = returnsText ? caller.out : new OutputBuffer(caller.out.here());
    if (!returnsText) buffer.role = caller.out.role;
    const positionalValues = bound.values.slice(0, signature.positional.length);
    const state: ExecState = {
      ...definition,
      frame,
      out: buffer,
      sample: caller.sample,
      outputs: caller.outputs,
      inLoop: keepFrame,
      lexical: LexicalScope.extend(
        keepFrame ? (definition.lexical ?? null) : null,
        signature.positional,
        positionalValues,
      ),
    };
    for (let i = 0; i < ordered.length; i++) {
      const value = bound.values[i];
      frame.set(ordered[i]!.name, value === USE_DEFAULT ? ordered[i]!.defaultValue!(state) : value);
    }
    if (returnsText) return markSafe((body as TextBody)(state));
    (body as Body)(state);
    return whenKnown(ownText(buffer), markSafe);
  };

  const macro = ((...callArgs: unknown[]) => {
    // Called from outside the template (a filter, a test): nunjucks' keyword convention.
    const { args, kwargs } = splitKeywordArgs(callArgs);
    return invoke(args, kwargs, definition);
  }) as MacroFunction;
  macro[invokeMacro] = invoke;
  return macro;
}

/** A compiled body that only writes known text and returns it. */
export type TextBody = (state: ExecState) => string;

/**
 * `{% macro name(params) %}…{% endmacro %}`: defines the macro where `execMacro` would;
 * `returnsText` when the generated body returns its text (see `emitMacro`).
 */
export function defineMacro(
  state: ExecState,
  name: string,
  params: readonly CompiledParam[],
  body: Body | TextBody,
  returnsText = false,
): void {
  const macro = createCompiledMacro(params, body, state, false, returnsText);
  if (state.inLoop) state.frame.set(name, macro);
  else state.context.setVariable(name, macro);
}

/**
 * `{% call(params) m(args) %}body{% endcall %}`, as `execCallTag`: `values` are the callee, then
 * the positional and keyword argument values (`kwargNames` name the keywords).
 */
export function callTag(
  state: ExecState,
  callerParams: readonly CompiledParam[],
  callerBody: Body,
  values: readonly Value[],
  kwargNames: readonly string[],
  span: Span,
): void {
  const caller = createCompiledMacro(callerParams, callerBody, { ...state, inLoop: true }, true);
  const result = whenAllKnown(values, (known) => {
    const [callee, ...rest] = known;
    const { args, kwargs } = splitValues(rest, kwargNames);
    const withCaller = { ...(kwargs ?? {}), caller };
    if (isMacro(callee)) return callee[invokeMacro](args, withCaller, state);
    return withSpan(span, state, () => callValue(callee, args, withCaller, 'caller'));
  });
  state.out.write(whenKnown(result, renderOutput));
}
