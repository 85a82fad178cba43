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
  const { signature, ordered, makesCalls } = macroShape(params, body);

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
    // Only a body with call blocks needs the caller's prefix (taking one seals the caller's buffer).
    const buffer = new OutputBuffer(makesCalls ? caller.out.here() : null);
    buffer.role = caller.out.role;
    const positionalValues = bound.values.slice(0, signature.positional.length);
    // Spelled out rather than spread: one object shape for every call (a spread of the whole
    // state was a third of a macro call's time).
    const state: ExecState = {
      run: definition.run,
      template: definition.template,
      frame,
      context: definition.context,
      out: buffer,
      sample: caller.sample,
      outputs: caller.outputs,
      inLoop: keepFrame,
      callBlock: null,
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

interface MacroShape {
  signature: MacroSignature;
  /** Parameters in binding order (positional, then keyword), matching `bindMacroArgs`' values. */
  ordered: readonly ParamIR[];
  makesCalls: boolean;
}

const shapes = new WeakMap<readonly ParamIR[], MacroShape>();

/** What a macro definition's IR says once and for all, computed the first time it runs. */
function macroShape(params: readonly ParamIR[], body: readonly Stmt[]): MacroShape {
  let shape = shapes.get(params);
  if (!shape) {
    shape = {
      signature: createMacroSignature(params),
      ordered: [
        ...params.filter((p) => p.defaultValue === null),
        ...params.filter((p) => p.defaultValue !== null),
      ],
      makesCalls: containsCall(body),
    };
    shapes.set(params, shape);
  }
  return shape;
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
