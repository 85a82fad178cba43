import type { BuiltinCallExprIR, BuiltinName } from '../../ir/ir.js';
import { assignVariable } from '../../runtime/interpreter/assign.js';
import { placeCall, startBuiltinCall } from '../../runtime/interpreter/builtin-call.js';
import type { ExecState, Value } from '../../runtime/interpreter/exec-state.js';
import type { PrefixRef } from '../../runtime/interpreter/output-buffer.js';
import { whenAllKnown, whenKnown } from '../../runtime/interpreter/pending.js';
import { bindOutput as recordOutput } from '../../runtime/interpreter/stmts/for.js';
import { renderCallTerm } from '../../runtime/interpreter/values.js';
import { splitValues } from './values.js';

/**
 * Where a builtin call stands: what `startBuiltinCall` reads of the call's IR node (its name,
 * span and, for `flow`, the called template). Built once per call site when the module loads.
 */
export function callSite(
  name: BuiltinName,
  start: number,
  end: number,
  resolved: string | null = null,
): BuiltinCallExprIR {
  return { kind: 'builtinCall', name, args: [], kwargs: [], resolved, span: { start, end } };
}

/** Starts a builtin call whose arguments are known; its result is pending. */
export function startCall(
  state: ExecState,
  site: BuiltinCallExprIR,
  args: unknown[],
  kwargs: Record<string, unknown> | null,
  here: PrefixRef = state.out.here(),
): Value {
  return startBuiltinCall(site, args, kwargs, state, here);
}

/**
 * Starts a builtin call once `values` (its positional, then keyword argument values; `kwargNames`
 * name the keywords) are known, at the place in the text (`here`) and in source order taken
 * now, where the call stands (as the interpreter's `evalBuiltinCall`).
 */
export function startCallWhenKnown(
  state: ExecState,
  site: BuiltinCallExprIR,
  here: PrefixRef,
  values: readonly Value[],
  kwargNames: readonly string[],
): Value {
  return placeCall(state, (order) =>
    whenAllKnown(values, (known) => {
      const { args, kwargs } = splitValues(known, kwargNames);
      return startBuiltinCall(site, args, kwargs, state, here, order);
    }),
  );
}

/**
 * Writes one call-block term's text as soon as it is evaluated (so later terms' calls have it
 * in their prefix), in the role its reply belongs to: the block's role inside a role block, else
 * `assistant` for a `chat` or `instruct` reply (`chatReply`). A builtin call's term (`reply`)
 * is written as a reply, as `execCallBlock` does. Returns the text.
 */
export function writeTerm(
  state: ExecState,
  value: Value,
  chatReply: boolean,
  reply = false,
): Value {
  const text = whenKnown(value, renderCallTerm) as string;
  const role = state.out.role ?? (chatReply ? 'assistant' : null);
  if (reply) state.out.writeReply(text, role);
  else state.out.writeAs(text, role);
  return text;
}

/** The text of a composition: its terms' texts joined. */
export function joinTerms(texts: readonly Value[]): Value {
  return whenAllKnown(texts, (parts) => parts.join(''));
}

/** `<< name = … >>`: assigns as `set` would and records the name in the run's outputs. */
export function bindOutput(state: ExecState, name: string, value: Value): void {
  assignVariable(state, name, value);
  recordOutput(state.outputs, name, value);
}
