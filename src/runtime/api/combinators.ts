import { childSampleKey } from '../interpreter/sample-key.js';
import { activeRunContext, Executable, resolveArguments, type Awaitable } from './executable.js';
import { run } from './run.js';

/** Runs executables concurrently; the results come in argument order (OneTwo's `parallel`). */
export function parallel<T extends readonly Executable<unknown>[]>(
  ...executables: T
): Executable<{ [K in keyof T]: T[K] extends Executable<infer U> ? U : never }> {
  return new Executable(
    (context) => Promise.all(executables.map((e) => e.execute(context))) as never,
  );
}

/**
 * Wraps an async function so that calling it gives an executable; executable arguments are
 * executed first, concurrently (OneTwo's `make_executable`).
 */
export function makeExecutable<A extends unknown[], R>(
  fn: (...args: A) => Promise<R> | R,
): (...args: { [K in keyof A]: Awaitable<A[K]> }) => Executable<R> {
  return (...args) =>
    new Executable(async (context) => {
      const values = (await resolveArguments(args, context)) as unknown as A;
      return fn(...values);
    }, true);
}

/**
 * Runs `executable` `times` times concurrently, each with its own sample key ("", "1", … under
 * the current key), so identical calls are different samples (OneTwo's `repeat`).
 */
export function repeat<T>(executable: Executable<T>, times: number): Executable<T[]> {
  return new Executable((context) =>
    Promise.all(
      Array.from({ length: times }, (_, index) =>
        executable.execute({ ...context, sample: childSampleKey(context.sample, index) }),
      ),
    ),
  );
}

/** What `parIter` and `parIterStream` call on each item: an executable, a promise or a value. */
export type ParIterFunction<I, R> = (item: I, index: number) => Awaitable<R> | Promise<R>;

/** Options of `parIter` and `parIterStream`. */
export interface ParIterOptions {
  /** Most items in progress at once; default 16. */
  concurrency?: number;
}

/**
 * An executable of `fn` applied to every item, at most `concurrency` at once, the results in
 * input order (OneTwo's `par_iter`); the first failure fails it and starts nothing more.
 * `parIterStream` gives the same results one by one as they are ready.
 */
export function parIter<I, R>(
  items: Iterable<I>,
  fn: ParIterFunction<I, R>,
  options: ParIterOptions = {},
): Executable<R[]> {
  return new Executable(async (context) => {
    const results: R[] = [];
    for await (const value of inOrder(items, fn, options, (e) => e.execute(context)))
      results.push(value);
    return results;
  }, true);
}

/**
 * `parIter` as an async iterator: yields each result in input order as soon as it and those
 * before it are done. Inside a run (a `makeExecutable` body) the calls join that run; outside
 * one, each item's executable is run on its own with default options.
 */
export function parIterStream<I, R>(
  items: Iterable<I>,
  fn: ParIterFunction<I, R>,
  options: ParIterOptions = {},
): AsyncGenerator<R> {
  const context = activeRunContext();
  return inOrder(items, fn, options, (e) => (context ? e.execute(context) : run(e)));
}

async function* inOrder<I, R>(
  items: Iterable<I>,
  fn: ParIterFunction<I, R>,
  options: ParIterOptions,
  execute: (e: Executable<R>) => Promise<R>,
): AsyncGenerator<R> {
  const limit = Math.max(1, options.concurrency ?? 16);
  const iterator = items[Symbol.iterator]();
  const window: Promise<R>[] = [];
  let index = 0;
  const start = async (item: I, at: number): Promise<R> => {
    // Checked before awaiting: an executable is a thenable, and awaiting it would start a run.
    const value = fn(item, at);
    return value instanceof Executable ? execute(value) : value;
  };
  const fill = () => {
    while (window.length < limit) {
      const next = iterator.next();
      if (next.done) return;
      const started = start(next.value, index++);
      started.catch(() => undefined); // Reported when its turn to be yielded comes.
      window.push(started);
    }
  };
  fill();
  while (window.length > 0) {
    const value = await window.shift()!;
    fill();
    yield value;
  }
}
