import { createMemoryCache } from '../../cache/memory-cache.js';
import type { CallCache } from '../../cache/call-cache.js';
import type { CallStreamSink } from '../call-stream.js';
import { currentRegistry } from '../registry/current.js';
import type { Registry } from '../registry/types.js';
import type { RunContext } from '../run-context.js';
import { Session } from '../session.js';
import type { TraceSink } from '../trace.js';
import { usageTracker } from '../usage/usage-tracker.js';
import type { UsageTotals } from '../usage/usage-totals.js';
import { Executable, setDefaultRunStarter } from './executable.js';

/** Options of `run`. */
export interface RunOptions {
  /** The registry to route builtins with; default the current one (see `withRegistryContext`). */
  registry?: Registry;
  /** A backend name of the registry, above the template's `backend:` and the registry's default. */
  backend?: string;
  /**
   * The call cache; default one in-memory cache shared by every run of this process that passes
   * none, so running the same flow twice replays (as OneTwo's default cache does). The CLI uses
   * `.ot-cache/`; `await openCache('memory', { cwd })` gives a run a fresh one.
   */
  cache?: CallCache;
  /** Share the scheduler, cache and single flight of other runs (the CLI's `--inputs` rows). */
  session?: Session;
  /** Most calls in flight across backends. */
  concurrency?: number;
  /** Aborts calls in flight. */
  signal?: AbortSignal;
  /** Receives one event per call sample, in completion order. */
  trace?: TraceSink;
  /**
   * Receives each call's start, its text as it streams and its end (what `stream` yields);
   * when set, backends stream their replies.
   */
  onStream?: CallStreamSink;
  /** Non-fatal problems; default Node process warnings. */
  onWarning?: (message: string) => void;
  /**
   * Receives the run's calls, tokens and cost once it ends (also when it fails), like the AI
   * SDK's `onFinish({ usage })`: `run(e, { onUsage: (u) => console.log(u.costUsd) })`.
   */
  onUsage?: (totals: UsageTotals) => void;
}

/** The cache of runs given none: for the life of the process, never closed. */
let processCache: CallCache | null = null;

/** Executes an executable and returns its result (OneTwo's `executing.run`). */
export async function run<T>(executable: Executable<T>, options: RunOptions = {}): Promise<T> {
  const warn =
    options.onWarning ?? ((message: string) => process.emitWarning(message, 'OtWarning'));
  let session = options.session;
  if (!session) {
    const cache = options.cache ?? (processCache ??= createMemoryCache('the process memory cache'));
    session = new Session({
      cache,
      ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  }
  const usage = usageTracker(options.trace ?? null, options.onUsage);
  const context: RunContext = {
    session,
    registry: options.registry ?? currentRegistry(),
    backendName: options.backend ?? null,
    trace: usage.trace,
    startedAt: performance.now(),
    sample: '',
    warn,
    ...(options.onStream ? { stream: options.onStream } : {}),
  };
  try {
    return await executable.execute(context);
  } finally {
    await session.writesSettled();
    usage.finish();
  }
}

setDefaultRunStarter((executable) => run(executable));
