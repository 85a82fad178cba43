import type { CallStreamEvent } from '../call-stream.js';
import type { TraceEvent } from '../trace.js';
import type { Executable } from './executable.js';
import { run, type RunOptions } from './run.js';

/**
 * What `stream` yields: for each call, `start`, its text as it streams (`delta`), then `end`
 * (with the result) or `error`, all tied by the call's `id`; `call`, the call's trace event,
 * once it completes; and last the run's `result`.
 */
export type StreamEvent<T> =
  CallStreamEvent | { type: 'call'; call: TraceEvent } | { type: 'result'; value: T };

/**
 * Runs an executable with streaming backends and yields each call's text as it is generated,
 * each call as it completes, then the result (OneTwo's `stream`).
 */
export async function* stream<T>(
  executable: Executable<T>,
  options: RunOptions = {},
): AsyncGenerator<StreamEvent<T>> {
  const queue: StreamEvent<T>[] = [];
  let wake: (() => void) | null = null;
  let finished = false;
  let failure: { error: unknown } | null = null;
  const push = (event: StreamEvent<T>) => {
    queue.push(event);
    wake?.();
  };
  const done = run(executable, {
    ...options,
    trace: (event) => {
      options.trace?.(event);
      push({ type: 'call', call: event });
    },
    onStream: (event) => {
      options.onStream?.(event);
      push(event);
    },
  })
    .then(
      (value) => push({ type: 'result', value }),
      (error: unknown) => {
        failure = { error };
      },
    )
    .finally(() => {
      finished = true;
      wake?.();
    });
  while (true) {
    while (queue.length > 0) yield queue.shift()!;
    if (finished) break;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  }
  await done;
  if (failure) throw (failure as { error: unknown }).error;
}
