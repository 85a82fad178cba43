import type { CallStreamEvent, CallStreamSink } from '../../runtime/call-stream.js';
import { compareOrder, type OrderBook, type OrderKey } from '../../runtime/source-order.js';

interface ShownCall {
  order: OrderKey;
  header: string;
  /** Text received while an earlier call was still being shown. */
  pending: string;
  streamed: boolean;
  /** What closes the call once it is its turn: the replayed text, an error, a newline. */
  ending: string | null;
}

/** `ot run --stream`'s display: the sink the run reports to, and `finish` for its end. */
export interface StreamDisplay {
  sink: CallStreamSink;
  /** Shows what is still held back (the run is over: no earlier call can start any more). */
  finish(): void;
}

/**
 * `ot run --stream`: each call's reply as it is generated, in source order (the order a
 * sequential run makes the calls in, `order` on each call's start), whatever order the calls
 * start and end in. The first unfinished call is shown live; a later call's text is held back
 * and appears, all at once and then live, when its turn comes: every call before it has ended
 * and no call before it can still start (`book`: the walk's stretches still open). A replayed
 * or joined call shows its whole result in its turn; a failed one, its error.
 */
export function createStreamDisplay(
  write: (text: string) => void,
  book: OrderBook | null,
): StreamDisplay {
  const calls = new Map<number, ShownCall>();
  /** Started calls whose turn has not come, in no particular order. */
  let waiting: ShownCall[] = [];
  let current: ShownCall | null = null;

  const nextWaiting = (): ShownCall | null => {
    let first: ShownCall | null = null;
    for (const call of waiting)
      if (!first || compareOrder(call.order, first.order) < 0) first = call;
    return first;
  };
  /** Shows calls whose turn has come, up to the first one still running. */
  const advance = (force: boolean): void => {
    while (current === null) {
      const next = nextWaiting();
      if (!next || (!force && book?.waitsBefore(next.order))) return;
      waiting = waiting.filter((call) => call !== next);
      write(next.header + next.pending);
      next.pending = '';
      if (next.ending === null) current = next;
      else write(next.ending);
    }
  };
  const unsubscribe = book?.onClose(() => advance(false)) ?? null;

  const ended = (call: ShownCall, ending: string): void => {
    call.ending = ending;
    if (call !== current) return;
    write(ending);
    current = null;
    advance(false);
  };

  const sink = (event: CallStreamEvent): void => {
    switch (event.type) {
      case 'start': {
        const where = event.location === '' ? '' : ` at ${event.location}`;
        const call: ShownCall = {
          order: event.order,
          header: `── ${event.builtin}${where} (${event.backend})\n`,
          pending: '',
          streamed: false,
          ending: null,
        };
        calls.set(event.id, call);
        waiting.push(call);
        advance(false);
        return;
      }
      case 'delta': {
        const call = calls.get(event.id);
        if (!call) return;
        call.streamed = true;
        if (call === current) write(event.text);
        else call.pending += event.text;
        return;
      }
      case 'end': {
        const call = calls.get(event.id);
        if (!call) return;
        calls.delete(event.id);
        ended(call, `${call.streamed ? '' : resultText(event.result)}\n`);
        return;
      }
      case 'error': {
        const call = calls.get(event.id);
        if (!call) return;
        calls.delete(event.id);
        ended(call, `${call.streamed ? '\n' : ''}[failed: ${event.message}]\n`);
        return;
      }
    }
  };

  return {
    sink,
    finish() {
      unsubscribe?.();
      // Every call has ended by now; one that never said so must not hold back the rest.
      if (current !== null) {
        write('\n');
        current = null;
      }
      advance(true);
    },
  };
}

function resultText(result: unknown): string {
  return typeof result === 'string' ? result : JSON.stringify(result);
}
