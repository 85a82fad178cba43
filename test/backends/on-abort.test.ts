import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { onAbort } from '../../src/backends/on-abort.js';
import { withRetries } from '../../src/backends/retry.js';

describe('onAbort', () => {
  it('calls each callback still listening once, when the signal aborts', () => {
    const controller = new AbortController();
    const called: string[] = [];
    onAbort(controller.signal, () => called.push('a'));
    const stop = onAbort(controller.signal, () => called.push('b'));
    onAbort(controller.signal, () => called.push('c'));
    stop();
    controller.abort();
    controller.abort();
    expect(called).toEqual(['a', 'c']);
  });

  it('keeps one listener on a run’s signal, whatever the number of attempts in flight', async () => {
    const run = new AbortController();
    const pending: (() => void)[] = [];
    const attempts = Array.from({ length: 300 }, () =>
      withRetries(
        (signal) =>
          new Promise<string>((resolve, reject) => {
            pending.push(() => resolve('ok'));
            signal.addEventListener('abort', () => reject(signal.reason as Error));
          }),
        run.signal,
        { maxRetries: 0, timeoutMs: null },
      ),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(pending).toHaveLength(300);
    // Node's EventTarget scans its listeners on every add and remove: one each would be O(n²).
    expect(getEventListeners(run.signal, 'abort')).toHaveLength(1);
    for (const finish of pending.splice(0, 150)) finish();
    run.abort(new Error('stop'));
    const results = await Promise.allSettled(attempts);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(150);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(150);
    expect(String((rejected[0] as PromiseRejectedResult).reason)).toMatch(/request cancelled/);
  });
});
