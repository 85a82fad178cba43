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
import type { MacroSignature } from '../jinja/macro-args.js';
import { hideSource } from '../jinja/function-text.js';

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
 * What a macro is made of, whoever runs its body: the interpreter walks IR, generated code calls
 * a compiled function. Everything else about calling a macro is `makeMacro`'s, shared by both.
 */
export interface MacroParts {
  signature: MacroSignature;
  /** Parameter names in binding order (positional, then keyword), as `bindMacroArgs` binds them. */
  names: readonly string[];
  /** Evaluates the default of the `index`-th parameter (binding order) in the macro's frame. */
  evalDefault: (index: number, state: ExecState) => Value;
  /**
   * Where the body writes: `prefixed`, a buffer after the caller's prefix (its calls see it);
   * `plain`, a buffer of its own; `none`, nothing (the body returns its text).
   */
  buffer: 'prefixed' | 'plain' | 'none';
  /** Runs the body and returns its text (a safe string, maybe pending). */
  render: (state: ExecState) => Value;
}

/**
 * A macro value with nunjucks' calling convention (`makeMacro`): arguments bound by the shared
 * `bindMacroArgs`; a macro body runs in a fresh frame, a `call` body (`keepFrame`) in a child of
 * the frame current when `caller()` runs, as nunjucks' one `frame` variable per compiled
 * template does; positional parameters are compiled variables (the lexical scope); defaults
 * are evaluated at call time, in order, in the macro's frame.
 */
export function makeMacro(
  parts: MacroParts,
  definition: ExecState,
  keepFrame: boolean,
): MacroFunction {
  const { signature, names } = parts;
  const invoke = (
    args: unknown[],
    kwargs: Record<string, unknown> | null,
    caller: ExecState,
  ): Value => {
    const bound = bindMacroArgs(signature, args, kwargs);
    const frame = keepFrame ? caller.frame.push(true) : new Frame(null, false);
    if (bound.hasCaller) frame.set('caller', bound.caller);
    let out = caller.out;
    if (parts.buffer !== 'none') {
      // Only a body with call blocks needs the caller's prefix (taking one seals its buffer).
      out = new OutputBuffer(parts.buffer === 'prefixed' ? caller.out.here() : null);
      out.role = caller.out.role;
    }
    // Spelled out rather than spread: one object shape for every call (a spread of the whole
    // state was a third of a macro call's time).
    const state: ExecState = {
      run: definition.run,
      template: definition.template,
      frame,
      context: definition.context,
      out,
      sample: caller.sample,
      outputs: caller.outputs,
      inLoop: keepFrame,
      callBlock: null,
      lexical: LexicalScope.extend(
        keepFrame ? (definition.lexical ?? null) : null,
        signature.positional,
        bound.values.slice(0, signature.positional.length),
      ),
      // The body's calls stand where the macro is called.
      order: caller.order,
    };
    for (let i = 0; i < names.length; i++) {
      const value = bound.values[i];
      frame.set(names[i]!, value === USE_DEFAULT ? parts.evalDefault(i, state) : value);
    }
    return parts.render(state);
  };

  const macro = ((...callArgs: unknown[]) => {
    // Called from outside a template (a filter, a test): nunjucks' keyword convention.
    const { args, kwargs } = splitKeywordArgs(callArgs);
    return invoke(args, kwargs, definition);
  }) as MacroFunction;
  macro[invokeMacro] = invoke;
  return hideSource(macro);
}

/** Parameters in binding order: positional (no default), then keyword. */
export function bindingOrder<P extends { defaultValue: unknown }>(params: readonly P[]): P[] {
  return [
    ...params.filter((p) => p.defaultValue === null),
    ...params.filter((p) => p.defaultValue !== null),
  ];
}

/** A macro (or `call` body) of the interpreter: its body and defaults are IR. */
export function createMacro(
  params: readonly ParamIR[],
  body: readonly Stmt[],
  definition: ExecState,
  keepFrame: boolean,
): MacroFunction {
  return makeMacro(macroParts(params, body), definition, keepFrame);
}

const partsCache = new WeakMap<readonly ParamIR[], MacroParts>();

/** What a macro definition's IR says once and for all, computed the first time it runs. */
function macroParts(params: readonly ParamIR[], body: readonly Stmt[]): MacroParts {
  let parts = partsCache.get(params);
  if (!parts) {
    const ordered = bindingOrder(params);
    parts = {
      signature: createMacroSignature(params),
      names: ordered.map((p) => p.name),
      evalDefault: (index, state) => evalExpr(ordered[index]!.defaultValue!, state),
      buffer: containsCall(body) ? 'prefixed' : 'plain',
      render: (state) => {
        execBody(body, state);
        return whenKnown(ownText(state.out), markSafe);
      },
    };
    partsCache.set(params, parts);
  }
  return parts;
}

/** True when statements contain a builtin call anywhere (JSON walk of the plain-data IR). */
function containsCall(body: readonly Stmt[]): boolean {
  const visit = (value: unknown): boolean => {
    if (Array.isArray(value)) return value.some(visit);
    if (typeof value !== 'object' || value === null) return false;
    if (
      (value as { kind?: unknown }).kind === 'builtinCall' ||
      (value as { kind?: unknown }).kind === 'callBlock'
    )
      return true;
    return Object.values(value).some(visit);
  };
  return visit(body);
}
