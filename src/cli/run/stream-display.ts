import type { CallStreamEvent, CallStreamSink } from '../../runtime/call-stream.js';

interface ShownCall {
  header: string;
  /** Text received while an earlier call was still being shown. */
  pending: string;
  streamed: boolean;
  /** What closes the call once it is its turn: the replayed text, an error, a newline. */
  ending: string | null;
}

/**
 * `ot run --stream`: each call's reply as it is generated, in the order the flow issues its
 * calls (source order). The first unfinished call is shown live; a later call's text is held
 * back and appears, all at once and then live, when every call before it has ended. A replayed
 * or joined call shows its whole result when its turn comes.
 */
export function createStreamDisplay(write: (text: string) => void): CallStreamSink {
  const calls = new Map<number, ShownCall>();
  let current = 0;

  const show = (call: ShownCall): void => {
    write(call.header + call.pending);
    call.pending = '';
  };
  const advance = (): void => {
    for (;;) {
      const call = calls.get(current);
      if (!call || call.ending === null) return;
      write(call.ending);
      calls.delete(current);
      current++;
      const next = calls.get(current);
      if (next) show(next);
    }
  };

  return (event: CallStreamEvent) => {
    switch (event.type) {
      case 'start': {
        const where = event.location === '' ? '' : ` at ${event.location}`;
        const call: ShownCall = {
          header: `── ${event.builtin}${where} (${event.backend})\n`,
          pending: '',
          streamed: false,
          ending: null,
        };
        calls.set(event.id, call);
        if (event.id === current) show(call);
        return;
      }
      case 'delta': {
        const call = calls.get(event.id);
        if (!call) return;
        call.streamed = true;
        if (event.id === current) write(event.text);
        else call.pending += event.text;
        return;
      }
      case 'end': {
        const call = calls.get(event.id);
        if (!call) return;
        const text = call.streamed ? '' : resultText(event.result);
        call.ending = `${text}\n`;
        if (event.id === current) advance();
        return;
      }
      case 'error': {
        const call = calls.get(event.id);
        if (!call) return;
        call.ending = `${call.streamed ? '\n' : ''}[failed: ${event.message}]\n`;
        if (event.id === current) advance();
        return;
      }
    }
  };
}

function resultText(result: unknown): string {
  return typeof result === 'string' ? result : JSON.stringify(result);
}
