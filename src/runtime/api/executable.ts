import { AsyncLocalStorage } from 'node:async_hooks';
import type { RunContext } from '../run-context.js';

const activeRun = new AsyncLocalStorage<RunContext>();

/**
 * A lazy computation (OneTwo's executable): nothing happens until it is `run` or awaited.
 * Awaiting one inside another executes it in the same run (same registry, cache, scheduler
 * and trace); awaiting one outside any run starts a run with default options.
 */
export class Executable<T> implements PromiseLike<T> {
  /**
   * @param body the computation.
   * @param runsUserCode true when `body` runs user code that may await other executables
   *   (`makeExecutable`): only then is the run made current through AsyncLocalStorage. On
   *   Node 20 an active AsyncLocalStorage puts a hook on every promise, which costs every
   *   model call of a template run, so runs that need none never switch it on.
   */
  constructor(
    private readonly body: (run: RunContext) => Promise<T>,
    private readonly runsUserCode = false,
  ) {}

  /** Executes in a given run context (what `run` and the combinators use). */
  execute(run: RunContext): Promise<T> {
    if (!this.runsUserCode || activeRun.getStore() === run) return this.body(run);
    return activeRun.run(run, () => this.body(run));
  }

  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    const run = activeRun.getStore();
    const started = run ? this.execute(run) : startDefaultRun(this);
    return started.then(onFulfilled, onRejected);
  }
}

/** The run an executable is executing in, if any. */
export function activeRunContext(): RunContext | undefined {
  return activeRun.getStore();
}

type DefaultRunStarter = <T>(executable: Executable<T>) => Promise<T>;
let startDefaultRun: DefaultRunStarter = () => Promise.reject(new Error('ot: run() is not loaded'));

/** Lets `run.ts` provide the default run without an import cycle. */
export function setDefaultRunStarter(starter: DefaultRunStarter): void {
  startDefaultRun = starter;
}

/** A value or an executable producing it; executable arguments run first, concurrently. */
export type Awaitable<T> = T | Executable<T>;

/** Executes every executable among `values` concurrently in `run` and returns the plain values. */
export function resolveArguments<T extends readonly unknown[]>(
  values: T,
  run: RunContext,
): Promise<{ [K in keyof T]: T[K] extends Executable<infer U> ? U : T[K] }> {
  return Promise.all(
    values.map((value) => (value instanceof Executable ? value.execute(run) : value)),
  ) as never;
}

/** Executes `value` in `run` if it is an executable; returns it as is otherwise. */
export function resolveValue<T>(value: Awaitable<T>, run: RunContext): Promise<T> {
  return value instanceof Executable ? value.execute(run) : Promise.resolve(value);
}
