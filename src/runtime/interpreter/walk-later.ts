import { deriveState, type ExecState } from './exec-state.js';
import { isUnsettled, Pending, whenAllKnown, whenKnown, type MaybePending } from './pending.js';

/**
 * Applies `fn` to `value` with the walk going on in `fn` (a macro body, a branch of `a if t
 * else b`): at once when the value is known, else once it is, at a place in source order
 * taken now (the calls `fn` makes then sort where the expression stands).
 */
export function walkWhenKnown<T, R>(
  state: ExecState,
  value: MaybePending<T>,
  fn: (state: ExecState, value: T) => MaybePending<R>,
): MaybePending<R> {
  if (!isUnsettled(value)) return whenKnown(value, (known) => fn(state, known));
  return walkWhenAllKnown(state, [value], (later, [known]) => fn(later, known as T));
}

/** `walkWhenKnown` over several values (`whenAllKnown`). */
export function walkWhenAllKnown<R>(
  state: ExecState,
  values: readonly unknown[],
  fn: (state: ExecState, values: unknown[]) => MaybePending<R>,
): MaybePending<R> {
  if (!values.some(isUnsettled)) return whenAllKnown(values, (known) => fn(state, known));
  const order = state.order.open();
  const later = deriveState(state, { order });
  const result = whenAllKnown(values, (known) => {
    try {
      return fn(later, known);
    } finally {
      order.close();
    }
  });
  if (result instanceof Pending) result.promise.then(order.close, order.close);
  return result;
}
