import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isOtError, OtError } from '../diagnostics/ot-error.js';
import type { ProgramIR } from '../ir/ir.js';
import type { TraceEvent } from '../runtime/trace.js';
import type { UsageTotals } from '../runtime/usage/usage-totals.js';

/**
 * One queued run, as plain data: everything a worker needs without the producer's files — the
 * program (entry and every included or `flow()`ed template, as IR), the files' texts (for
 * locations and code frames), the inputs, and the backend by name (resolved against the
 * worker's own config, so API keys stay on the workers). `ot eval --queue` can send the same.
 */
export interface RowJob {
  /** Bumped when the shape changes, so an old worker refuses a job it cannot read. */
  version: typeof ROW_JOB_VERSION;
  program: ProgramIR;
  sources: Record<string, string>;
  inputs: Record<string, unknown>;
  /** `--backend` of the producer, or null: the flow's `backend:` or the default. */
  backend: string | null;
  /** The producer config's `default_backend`, or null: the worker's own. */
  defaultBackend: string | null;
  /** The shared cache (`redis://…` or `off`); null: the queue's redis server. */
  cache: string | null;
  /** The run's sample key (an eval's repetition of a row); absent: `''`, as `ot run`. */
  sample?: string;
  /** Whether the outcome carries the run's trace events (`ot eval --queue` scores and reports them). */
  events?: boolean;
}

/** The current `RowJob.version` (2: outcomes carry the calls' usage). */
export const ROW_JOB_VERSION = 2;

/**
 * What a run of a `RowJob` returns to the producer: its result or its error, as data, with its
 * calls' totals — made and cached, tokens and cost — for the producer's progress line and
 * summary, which sum them over every row as a local run sums its trace.
 */
export type RowOutcome = {
  calls: UsageTotals;
  /** With `RowJob.events`: the run's calls, timed from `startedAtMs`. */
  events?: TraceEvent[];
  /** With `RowJob.events`: when the run began on the worker (`Date.now()`). */
  startedAtMs?: number;
} & (
  | { ok: true; text: string; outputs: Record<string, unknown>; result: unknown }
  | { ok: false; error: RowError }
);

/** An error as data: an OtError's diagnostics, or a plain message. */
export interface RowError {
  message: string;
  diagnostics: Diagnostic[] | null;
}

/** Turns a thrown error into data that survives JSON. */
export function errorToData(error: unknown): RowError {
  if (isOtError(error)) return { message: error.message, diagnostics: [...error.diagnostics] };
  return { message: error instanceof Error ? error.message : String(error), diagnostics: null };
}

/** The error again, as the producer reports it (an OtError prints its code frames). */
export function errorFromData(data: RowError): Error {
  return data.diagnostics ? new OtError(data.diagnostics) : new Error(data.message);
}
