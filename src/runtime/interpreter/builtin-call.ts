import type { BuiltinCallExprIR } from '../../ir/ir.js';
import type { BuiltinCall, ExecState, Value } from './exec-state.js';
import { imagesRead, segmentImages, segmentsToMessages } from './messages.js';
import {
  collectSegments,
  joinSegments,
  textSinceLastReply,
  type PrefixRef,
} from './output-buffer.js';
import { Pending, resolveDeep } from './pending.js';

/**
 * Starts a builtin call now (its arguments are known) and returns its pending result. The
 * prefix is a position, not text: it is read only if the builtin uses it, and waits only for
 * the text before the call. `here` must be taken where the call stands in the template: when
 * its arguments wait for another call, it starts after its own (pending) text has been written,
 * and a position taken then would wait for the call itself.
 */
export function startBuiltinCall(
  expr: BuiltinCallExprIR,
  args: unknown[],
  kwargs: Record<string, unknown> | null,
  state: ExecState,
  here: PrefixRef = state.out.here(),
): Value {
  const segments = async () => {
    const known = await resolveDeep(collectSegments(here));
    await imagesRead(known);
    return known;
  };
  const call: BuiltinCall = {
    builtin: expr.name,
    args,
    kwargs: kwargs ?? {},
    prefixText: async () => joinSegments(await segments()),
    prefixImages: async () => segmentImages(await segments()),
    prefixSinceLastCall: async () => textSinceLastReply(await segments()),
    prefixMessages: async () =>
      segmentsToMessages(await segments(), state.template.hasRoles, expr.name),
    sample: state.sample,
    site: { file: state.template.path, span: state.callBlock ?? expr.span },
    template: state.template,
    resolved: expr.resolved,
  };
  const result = state.run.callBuiltin(call);
  state.run.track(result);
  return new Pending(result);
}
