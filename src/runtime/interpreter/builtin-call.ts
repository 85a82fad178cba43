import type { BuiltinCallExprIR } from '../../ir/ir.js';
import type { BuiltinCall, ExecState, Value } from './exec-state.js';
import { imagesRead, segmentImages, segmentsToMessages } from './messages.js';
import {
  collectSegments,
  joinSegments,
  textSinceLastReply,
  type PrefixRef,
  type Segment,
} from './output-buffer.js';
import { Pending, resolveDeep } from './pending.js';
import type { OrderCursor } from '../source-order.js';

/**
 * Starts a builtin call now (its arguments are known) and returns its pending result. The
 * prefix is a position, not text: it is read only if the builtin uses it, and waits only for
 * the text before the call. `here` must be taken where the call stands in the template: when
 * its arguments wait for another call, it starts after its own (pending) text has been written,
 * and a position taken then would wait for the call itself. `order`, its place in source order,
 * is taken there too (`placeCall`); it is closed once the call settles.
 */
export function startBuiltinCall(
  expr: BuiltinCallExprIR,
  args: unknown[],
  kwargs: Record<string, unknown> | null,
  state: ExecState,
  here: PrefixRef = state.out.here(),
  order: OrderCursor = state.order.open(),
): Value {
  // The prefix is fixed once `here` is taken, so it is collected once however many of its
  // forms (text, images, last turn) the builtin reads.
  let collected: Promise<Segment[]> | null = null;
  const segments = (): Promise<Segment[]> =>
    (collected ??= (async () => {
      const known = await resolveDeep(collectSegments(here));
      await imagesRead(known);
      return known;
    })());
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
    order,
  };
  const result = state.run.callBuiltin(call);
  result.then(order.close, order.close);
  state.run.track(result);
  return new Pending(result);
}

/**
 * A builtin call's place in source order, taken where the walk reaches it, for a call that
 * starts only once its arguments are known: `start` starts it there; if it never starts (an
 * argument failed), the place is given up.
 */
export function placeCall(state: ExecState, start: (order: OrderCursor) => Value): Value {
  const order = state.order.open();
  try {
    const value = start(order);
    if (value instanceof Pending) value.promise.then(order.close, order.close);
    else order.close();
    return value;
  } catch (error) {
    order.close();
    throw error;
  }
}
