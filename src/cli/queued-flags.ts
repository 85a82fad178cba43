/** The flags of `ot run` and `ot eval` that a queued run cannot honour, or must spell otherwise. */
export interface QueuedFlags {
  dryRun?: boolean | undefined;
  trace?: string | undefined;
  concurrency?: string | undefined;
  cache?: string | undefined;
}

/**
 * Why these flags cannot go with `--queue`, or null: the calls are made on the workers (no local
 * trace, no local concurrency, no dry run), and the cache must be one every worker can reach.
 */
export function queuedFlagsProblem(flags: QueuedFlags): string | null {
  for (const [flag, set, why] of [
    ['--dry-run', flags.dryRun, 'a dry run makes no call: run it locally'],
    ['--trace', flags.trace, 'the calls are made on the workers'],
    ['--concurrency', flags.concurrency, 'give it to each `ot worker`'],
  ] as const) {
    if (set) return `${flag} cannot be used with --queue (${why})`;
  }
  if (flags.cache !== undefined && !/^(rediss?:\/\/|off$)/i.test(flags.cache)) {
    return `with --queue, --cache must be redis://… or off, got ${flags.cache}`;
  }
  return null;
}
