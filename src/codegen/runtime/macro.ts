import type { ExecState, Value } from '../../runtime/interpreter/exec-state.js';
import { Frame } from '../../runtime/interpreter/frame.js';
import { invokeMacro, isMacro, type MacroFunction } from '../../runtime/interpreter/macro.js';
import { OutputBuffer, ownText } from '../../runtime/interpreter/output-buffer.js';
import { whenAllKnown, whenKnown } from '../../runtime/interpreter/pending.js';
import { withSpan } from '../../runtime/interpreter/runtime-error.js';
import { callValue, markSafe, renderOutput } from '../../runtime/interpreter/values.js';
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
 * (src/runtime/interpreter/macro.ts `createMacro`, which takes IR): parameters without a default
 * are positional, extra positional arguments fill keyword parameters in order, defaults are
 * evaluated at call time in the macro's frame, the body writes into a buffer that starts after
 * the caller's prefix (so its calls see it), and the result is a safe string. Macros of both
 * kinds answer `isMacro` and can call each other.
 */
export function createCompiledMacro(
  params: readonly CompiledParam[],
  body: Body,
  definition: ExecState,
  keepFrame: boolean,
): MacroFunction {
  const positional = params.filter((p) => p.defaultValue === null);
  const keyword = params.filter((p) => p.defaultValue !== null);

  const invoke = (args: unknown[], kwargsIn: Record<string, unknown> | null, caller: ExecState): Value => {
    const kwargs: Record<string, unknown> = { ...(kwargsIn ?? {}) };
    const frame = keepFrame ? definition.frame.push(true) : new Frame(null, false);
    if (Object.prototype.hasOwnProperty.call(kwargs, 'caller')) frame.set('caller', kwargs.caller);
    for (let i = 0; i < positional.length; i++) {
      const name = positional[i]!.name;
      let value: unknown;
      if (i < args.length) value = args[i];
      else {
        value = kwargs[name];
        delete kwargs[name];
      }
      frame.set(name, value);
    }
    for (let i = positional.length; i < args.length && i - positional.length < keyword.length; i++) {
      kwargs[keyword[i - positional.length]!.name] = args[i];
    }
    const buffer = new OutputBuffer(caller.out.here());
    buffer.role = caller.out.role;
    const state: ExecState = {
      ...definition,
      frame,
      out: buffer,
      sample: caller.sample,
      outputs: caller.outputs,
      inLoop: keepFrame,
    };
    for (const param of keyword) {
      const value = Object.prototype.hasOwnProperty.call(kwargs, param.name) ? kwargs[param.name] : param.defaultValue!(state);
      frame.set(param.name, value);
    }
    body(state);
    return whenKnown(ownText(buffer), markSafe);
  };

  const macro = ((...callArgs: unknown[]) => {
    // Called from outside the template (a filter, a test): nunjucks' keyword convention.
    const last = callArgs[callArgs.length - 1];
    const hasKeywords = typeof last === 'object' && last !== null && Object.prototype.hasOwnProperty.call(last, '__keywords');
    const args = hasKeywords ? callArgs.slice(0, -1) : callArgs;
    return invoke(args, hasKeywords ? (last as Record<string, unknown>) : null, definition);
  }) as MacroFunction;
  macro[invokeMacro] = invoke;
  return macro;
}

/** `{% macro name(params) %}…{% endmacro %}`: defines the macro where `execMacro` would. */
export function defineMacro(state: ExecState, name: string, params: readonly CompiledParam[], body: Body): void {
  const macro = createCompiledMacro(params, body, state, false);
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
