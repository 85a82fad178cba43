/** Runs a task when a slot is free. */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * At most `limit` tasks run at once; the others start in arrival order as slots free up.
 * The disk store needs it because a run may store thousands of results at once, and each
 * write holds a file descriptor while it waits for libuv's four threads (and for fsync):
 * unbounded, that exceeds the default descriptor limit (1,024 on Linux, 256 on macOS) and
 * writes fail with EMFILE.
 */
export function createLimiter(limit: number): Limiter {
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
  return async (task) => {
    if (running < limit) running += 1;
    // A released slot passes straight to the next waiter, so `running` stays counted.
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      release();
    }
  };
}
