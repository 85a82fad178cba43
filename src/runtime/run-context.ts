import type { CallStreamSink } from './call-stream.js';
import type { Registry } from './registry/types.js';
import type { Session } from './session.js';
import type { TraceSink } from './trace.js';

/** One run (one row of `--inputs`): its registry, its chosen backend, its trace clock. */
export interface RunContext {
  session: Session;
  registry: Registry;
  /** The backend named by the caller (`--backend`), above the template's and the registry's. */
  backendName: string | null;
  trace: TraceSink | null;
  /**
   * Receives each call's start, streamed text and end (`ot run --stream`, `stream()`); when set,
   * backends are asked to stream their replies.
   */
  stream?: CallStreamSink;
  /** `performance.now()` when the run began; trace times count from here. */
  startedAt: number;
  /** The sample key calls start from (`repeat` gives each repetition its own). */
  sample: string;
  /** Non-fatal problems (cache warnings, shadowing) for the caller to show. */
  warn: (message: string) => void;
}
