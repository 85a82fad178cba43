/**
 * A value that is not known yet: the result of a model call, or of anything that reads one.
 *
 * The interpreter runs synchronously while every value is known (the whole of a call-free
 * template renders without a single promise) and switches to promises only where a call's
 * result flows. A Pending records its outcome when it settles, so later synchronous code can
 * read it without awaiting.
 */
export class Pending<T = unknown> {
  readonly promise: Promise<T>;
  settled = false;
  failed = false;
  value: T | undefined = undefined;
  error: unknown = undefined;

  constructor(promise: Promise<T>) {
    this.promise = promise;
    // Recording the outcome also marks the rejection as handled: failures reach the run
    // through its own error channel, never as unhandled rejections.
    promise.then(
      (value) => {
        this.settled = true;
        this.value = value;
      },
      (error: unknown) => {
        this.settled = true;
        this.failed = true;
        this.error = error;
      },
    );
  }
}

/** A value, or a Pending of it. */
export type MaybePending<T> = T | Pending<T>;

/** True when `value` is a Pending that has not settled yet. */
export function isUnsettled(value: unknown): value is Pending {
  return value instanceof Pending && !value.settled;
}

/**
 * The value now if it is known (unwrapping a settled Pending, rethrowing its failure);
 * otherwise the Pending itself.
 */
export function settle<T>(value: MaybePending<T>): MaybePending<T> {
  if (value instanceof Pending) {
    if (!value.settled) return value;
    if (value.failed) throw value.error;
    return value.value as T;
  }
  return value;
}

/** Applies `fn` now if `value` is known, else once it is (the result is then a Pending). */
export function whenKnown<T, R>(
  value: MaybePending<T>,
  fn: (value: T) => MaybePending<R>,
): MaybePending<R> {
  const known = settle(value);
  if (known instanceof Pending) {
    return new Pending(known.promise.then((v) => resolveDeep(fn(v))));
  }
  return fn(known as T);
}

/** Applies `fn` once every value is known; synchronous when they already are. */
export function whenAllKnown<R>(
  values: readonly unknown[],
  fn: (values: unknown[]) => MaybePending<R>,
): MaybePending<R> {
  let waiting: Pending[] | null = null;
  for (const value of values) {
    if (value instanceof Pending) {
      if (!value.settled) (waiting ??= []).push(value);
      else if (value.failed) throw value.error;
    }
  }
  if (waiting === null) return fn(values.map(unwrapSettled));
  return new Pending(
    Promise.all(waiting.map((p) => p.promise)).then(() =>
      resolveDeep(fn(values.map(unwrapSettled))),
    ),
  );
}

/** Awaits a MaybePending, following chains of Pendings. */
export async function resolveDeep<T>(value: MaybePending<T>): Promise<T> {
  let current: unknown = value;
  while (current instanceof Pending) current = await current.promise;
  return current as T;
}

function unwrapSettled(value: unknown): unknown {
  if (value instanceof Pending) {
    if (value.failed) throw value.error;
    return value.value;
  }
  return value;
}
