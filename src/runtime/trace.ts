import type { Message } from '../backends/backend.js';

/** One line of `--trace` (ARCHITECTURE.md §4): one per sample a call asks for. */
export interface TraceEvent {
  builtin: string;
  prompt: string | null;
  messages: Message[] | null;
  args: Record<string, unknown>;
  result: unknown;
  /** True when the result came from the cache or from an identical call in flight. */
  cached: boolean;
  sample: string;
  backend: string;
  /** Milliseconds since the run began. */
  start_ms: number;
  end_ms: number;
  /** `file:line:col` of the call block. */
  location: string;
  /** Why the call failed (its `result` is then null); absent for a call that succeeded. */
  error?: string;
  /** Set (to `length`) when the reply was cut off at the token limit; absent otherwise. */
  finish_reason?: string;
  /** What was wrong without failing the call (a cut-off reply, a rejected cache entry); absent otherwise. */
  warning?: string;
  /**
   * The tokens the backend reported; for a cached call, those reported when it was made (so
   * counts do not depend on the cache). Absent when unknown (a dry run's miss, an old entry).
   */
  usage?: { input_tokens: number; output_tokens: number };
  /** What this run paid for the call in USD: 0 when cached; absent without usage or a `price`. */
  cost_usd?: number;
  /** Cached calls only: what the call would have cost, which the cache saved (needs a `price`). */
  saved_usd?: number;
}

/** Receives trace events in completion order. */
export type TraceSink = (event: TraceEvent) => void;
