import { deriveState, type ExecState, type Value } from '../../runtime/interpreter/exec-state.js';
import {
  bindingOrder,
  invokeMacro,
  isMacro,
  makeMacro,
  type MacroFunction,
} from '../../runtime/interpreter/macro.js';
import { ownText } from '../../runtime/interpreter/output-buffer.js';
import { whenKnown } from '../../runtime/interpreter/pending.js';
import { walkWhenAllKnown } from '../../runtime/interpreter/walk-later.js';
import { withSpan } from '../../runtime/interpreter/runtime-error.js';
import {
  callValue,
  createMacroSignature,
  markSafe,
  renderOutput,
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
 * A macro whose body is generated code, through the interpreter's `makeMacro` (the same
 * calling convention, frames, lexical scope and buffers); only the body and the defaults are
 * compiled functions. A body that returns its text (`returnsText`) needs no buffer of its own.
 */
export function createCompiledMacro(
  params: readonly CompiledParam[],
  body: Body | TextBody,
  definition: ExecState,
  keepFrame: boolean,
  returnsText = false,
): MacroFunction {
  const ordered = bindingOrder(params);
  return makeMacro(
    {
      signature: createMacroSignature(params),
      names: ordered.map((p) => p.name),
      evalDefault: (index, state) => ordered[index]!.defaultValue!(state),
      // Generated code cannot tell statically whether a macro makes calls: always prefixed.
      buffer: returnsText ? 'none' : 'prefixed',
      render: returnsText
        ? (state) => markSafe((body as TextBody)(state))
        : (state) => {
            (body as Body)(state);
            return whenKnown(ownText(state.out), markSafe);
          },
    },
    definition,
    keepFrame,
  );
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
  const caller = createCompiledMacro(
    callerParams,
    callerBody,
    deriveState(state, { inLoop: true }),
    true,
  );
  const result = walkWhenAllKnown(state, values, (later, known) => {
    const [callee, ...rest] = known;
    const { args, kwargs } = splitValues(rest, kwargNames);
    const withCaller = { ...(kwargs ?? {}), caller };
    if (isMacro(callee)) return callee[invokeMacro](args, withCaller, later);
    return withSpan(span, later, () => callValue(callee, args, withCaller, 'caller'));
  });
  state.out.write(whenKnown(result, renderOutput));
}
