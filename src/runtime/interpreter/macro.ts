import type { ParamIR, Stmt } from '../../ir/ir.js';
import { evalExpr } from './eval-expr.js';
import { execBody } from './exec.js';
import type { ExecState, Value } from './exec-state.js';
import { Frame } from './frame.js';
import { OutputBuffer, ownText } from './output-buffer.js';
import { whenKnown } from './pending.js';
import { markSafe } from './values.js';

/** The hidden entry point of a macro value that also receives the caller's state. */
export const invokeMacro = Symbol('ot.invokeMacro');

/** A macro value: callable like nunjucks' macros (by filters, tests, `caller()`), plus our entry point. */
export interface MacroFunction {
  (...args: unknown[]): unknown;
  [invokeMacro]: (args: unknown[], kwargs: Record<string, unknown> | null, caller: ExecState) => Value;
}

/** True for macros defined by a template. */
export function isMacro(value: unknown): value is MacroFunction {
  return typeof value === 'function' && invokeMacro in value;
}

/**
 * Creates a macro as nunjucks' `makeMacro` does: parameters without a default are positional,
 * those with one are keyword parameters (extra positional arguments fill them in order); a
 * macro body runs in a fresh frame (a `call` body in a child of the defining frame); defaults
 * are evaluated at call time in the macro's frame; the result is a safe string.
 */
export function createMacro(
  params: readonly ParamIR[],
  body: readonly Stmt[],
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
    // Positional arguments past the named ones fill keyword parameters in order.
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
      const value = Object.prototype.hasOwnProperty.call(kwargs, param.name)
        ? kwargs[param.name]
        : evalExpr(param.defaultValue!, state);
      frame.set(param.name, value);
    }
    execBody(body, state);
    return whenKnown(ownText(buffer), markSafe);
  };

  const macro = ((...callArgs: unknown[]) => {
    // Called from outside the interpreter (a filter, a test): nunjucks' keyword convention.
    const last = callArgs[callArgs.length - 1];
    const hasKeywords = isKeywordArgs(last);
    const args = hasKeywords ? callArgs.slice(0, -1) : callArgs;
    const result = invoke(args, hasKeywords ? (last as Record<string, unknown>) : null, definition);
    return result;
  }) as MacroFunction;
  macro[invokeMacro] = invoke;
  return macro;
}

function isKeywordArgs(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, '__keywords');
}
