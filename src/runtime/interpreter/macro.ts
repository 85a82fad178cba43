import type { ParamIR, Stmt } from '../../ir/ir.js';
import { evalExpr } from './eval-expr.js';
import { execBody } from './exec.js';
import type { ExecState, Value } from './exec-state.js';
import { Frame } from './frame.js';
import { LexicalScope } from './lexical-scope.js';
import { OutputBuffer, ownText } from './output-buffer.js';
import { whenKnown } from './pending.js';
import {
  bindMacroArgs,
  createMacroSignature,
  markSafe,
  splitKeywordArgs,
  USE_DEFAULT,
} from './values.js';

/** The hidden entry point of a macro value that also receives the caller's state. */
export const invokeMacro = Symbol('ot.invokeMacro');

/** A macro value: callable like nunjucks' macros (by filters, tests, `caller()`), plus our entry point. */
export interface MacroFunction {
  (...args: unknown[]): unknown;
  [invokeMacro]: (
    args: unknown[],
    kwargs: Record<string, unknown> | null,
    caller: ExecState,
  ) => Value;
}

/** True for macros defined by a template. */
export function isMacro(value: unknown): value is MacroFunction {
  return typeof value === 'function' && invokeMacro in value;
}

/**
 * Creates a macro as nunjucks' `makeMacro` does (argument binding is the shared `bindMacroArgs`):
 * a macro body runs in a fresh frame (a `call` body in a child of the defining frame), sees the
 * prefix at its call site followed by its own text, and returns a safe string.
 */
export function createMacro(
  params: readonly ParamIR[],
  body: readonly Stmt[],
  definition: ExecState,
  keepFrame: boolean,
): MacroFunction {
  const signature = createMacroSignature(params);
  // Parameters in binding order (positional, then keyword), matching `bindMacroArgs`' values.
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
    // nunjucks keeps one `frame` variable per compiled template: a `call` body pushes from the
    // frame current when `caller()` runs (the calling macro's), a macro starts a fresh one.
    const frame = keepFrame ? caller.frame.push(true) : new Frame(null, false);
    if (bound.hasCaller) frame.set('caller', bound.caller);
    const buffer = new OutputBuffer(caller.out.here());
    buffer.role = caller.out.role;
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
      // Defaults are evaluated at call time, in order, in the macro's own frame.
      frame.set(
        ordered[i]!.name,
        value === USE_DEFAULT ? evalExpr(ordered[i]!.defaultValue!, state) : value,
      );
    }
    execBody(body, state);
    return whenKnown(ownText(buffer), markSafe);
  };

  const macro = ((...callArgs: unknown[]) => {
    // Called from outside the interpreter (a filter, a test): nunjucks' keyword convention.
    const { args, kwargs } = splitKeywordArgs(callArgs);
    return invoke(args, kwargs, definition);
  }) as MacroFunction;
  macro[invokeMacro] = invoke;
  return macro;
}
