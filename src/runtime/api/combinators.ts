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

/**
 * Executes executables with at most `concurrency` at once and yields their results in input
 * order, each as soon as it and those before it are done (OneTwo's `par_iter`).
 */
export async function* parIter<T>(
  executables: Iterable<Executable<T>>,
  options: { concurrency?: number } = {},
): AsyncGenerator<T> {
  const limit = Math.max(1, options.concurrency ?? 16);
  const context = activeRunContext();
  const start = (e: Executable<T>): Promise<T> => (context ? e.execute(context) : run(e));
  const iterator = executables[Symbol.iterator]();
  const window: Promise<T>[] = [];
  const fill = () => {
    while (window.length < limit) {
      const next = iterator.next();
      if (next.done) return;
      const started = start(next.value);
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
