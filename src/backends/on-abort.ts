/** What onAbort() returns: call it to stop listening. */
export type StopListening = () => void;

const listeners = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Calls `callback` once when `signal` aborts, in O(1). Every call of a run listens to the run's
 * one signal; Node's `addEventListener` and `removeEventListener` scan the listeners already
 * there, so 256 calls in flight made each attempt cost 256 comparisons twice. Here the signal
 * gets one listener, which calls a set of callbacks.
 */
export function onAbort(signal: AbortSignal, callback: () => void): StopListening {
  let callbacks = listeners.get(signal);
  if (callbacks === undefined) {
    const set = new Set<() => void>();
    callbacks = set;
    listeners.set(signal, set);
    signal.addEventListener(
      'abort',
      () => {
        // A copy: a callback may stop listening, or start, while this runs.
        for (const each of [...set]) each();
        set.clear();
      },
      { once: true },
    );
  }
  const set = callbacks;
  set.add(callback);
  return () => {
    set.delete(callback);
  };
}
