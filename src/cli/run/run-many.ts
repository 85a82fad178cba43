import { orderedPool } from '../../runtime/ordered-pool.js';
import type { RunResult } from '../../runtime/run-program.js';
import type { TraceEvent } from '../../runtime/trace.js';
import type { UsageTotals } from '../../runtime/usage/usage-totals.js';
import type { SourceFile } from '../../source/source-file.js';
import type { CliIO } from '../io.js';
import { reportError } from '../report-error.js';
import { comparisonValue, formatComparisonTable, type ComparisonCell } from './comparison-table.js';
import { printDryRunCall, printDryRunSummary } from './dry-run.js';
import { errorSummary } from './format-result.js';
import { ProgressLine, type ProgressCounts } from './progress-line.js';
import { countInputRows, streamInputRows, type InputRow } from './read-jsonl.js';

/**
 * One run of the flow with some inputs on one backend (null: the flow's default); `observe`
 * sees each of its calls as it completes.
 */
export type RunOne = (
  inputs: Record<string, unknown>,
  backend: string | null,
  observe?: (event: TraceEvent) => void,
) => Promise<RunResult>;

/** Options of `runMany`. */
export interface RunManyOptions {
  /** The `--inputs` file, or null for one row of the flag inputs (a comparison of backends). */
  file: string | null;
  flagInputs: Record<string, unknown>;
  backends: readonly (string | null)[];
  runOne: RunOne;
  io: CliIO;
  sources: Record<string, SourceFile>;
  verbose: boolean;
  json: boolean;
  dryRun: boolean;
  /** Whether the flow names an `output` (the comparison table shows it). */
  hasOutput: boolean;
  /** Ctrl-C: rows cut short by it are not rows that failed, and nothing is written for them. */
  signal: AbortSignal;
  /** Calls counted across all runs so far, with their usage (for the progress line and the summary). */
  calls: UsageTotals;
  /** A terminal's stderr for the progress line, or null. */
  progress: { write: (text: string) => void; columns: number } | null;
  /** Most rows in flight (started and not yet written): see `rowWindow`. */
  window: number;
  /** A terminal's width for the comparison table of several backends, or null for JSON lines. */
  tableWidth: number | null;
}

/** How `runMany` ended: its exit code unless cancelled, and the rows' tally. */
export interface RunManyOutcome {
  cancelled: boolean;
  rowsOk: number;
  rowsFailed: number;
}

type JobOutcome = { events: TraceEvent[] } & (
  { ok: true; result: RunResult } | { ok: false; error: unknown; cancelled: boolean }
);

/** The reordering window of `runMany` for a global concurrency cap (see `rowWindow`). */
export { rowWindow } from '../../runtime/ordered-pool.js';

/**
 * Runs the rows (read lazily) on every backend, at most `window` rows in flight (one shared
 * session caps the calls), a failing row reported with its row number and the others
 * completed. Each result is written as a JSON line as soon as every earlier row is written
 * (in a dry run, each row's calls) — or, when several backends are compared on a terminal, a
 * side-by-side table at the end, for which only each cell's short text is kept. Memory does not
 * grow with the number of rows, nor with a slow reader of stdout (the next row waits for it to
 * drain). Rows cut short by Ctrl-C write nothing, and no row starts after it.
 */
export async function runMany(options: RunManyOptions): Promise<RunManyOutcome> {
  const { io, backends, signal } = options;
  const file = options.file;
  const counts: ProgressCounts = {
    rowsDone: 0,
    rowsTotal: 0,
    rowsFailed: 0,
    callsMade: 0,
    callsCached: 0,
  };
  if (options.progress) {
    counts.rowsTotal = (file ? await countInputRows(file) : 1) * backends.length;
  }
  const progress =
    options.progress && counts.rowsTotal > 1
      ? new ProgressLine(
          options.progress.write,
          () => ({
            ...counts,
            callsMade: options.calls.callsMade,
            callsCached: options.calls.callsCached,
            costUsd: options.calls.costUsd,
          }),
          options.progress.columns,
        )
      : null;
  progress?.render();

  const runJob = async (row: InputRow, backend: string | null): Promise<JobOutcome> => {
    const events: TraceEvent[] = [];
    try {
      if ('error' in row) throw new Error(row.error);
      const result = await options.runOne(
        { ...options.flagInputs, ...row.inputs },
        backend,
        (event) => {
          // Only a dry run prints a row's calls; other rows keep none.
          if (options.dryRun) events.push(event);
          progress?.tick();
        },
      );
      return { ok: true, result, events };
    } catch (error) {
      // Failed before Ctrl-C: a row that failed; after it: a row cut short.
      if (!signal.aborted) counts.rowsFailed++;
      return { ok: false, error, cancelled: signal.aborted, events };
    } finally {
      counts.rowsDone++;
      if (!signal.aborted) progress?.render();
    }
  };
  const rows: AsyncIterable<InputRow> | Iterable<InputRow> = file
    ? streamInputRows(file)
    : [{ line: 0, inputs: {} }];
  const pool = orderedPool(
    rows,
    (row) => Promise.all(backends.map((backend) => runJob(row, backend))),
    { limit: options.window, signal },
  );

  const outcome: RunManyOutcome = { cancelled: false, rowsOk: 0, rowsFailed: 0 };
  const table =
    !options.json && !options.dryRun && backends.length > 1 && options.tableWidth !== null;
  const tableRows: { label: string; cells: ComparisonCell[] }[] = [];
  // Written above the progress line, which is drawn again after.
  const write = (print: () => void) => {
    progress?.clear();
    print();
    if (!signal.aborted) progress?.render();
  };
  for await (const done of pool) {
    // runJob never throws, so every row is ok.
    if (!done.ok) throw done.error;
    const row = done.item;
    const cells: ComparisonCell[] = [];
    for (let b = 0; b < backends.length; b++) {
      const job = done.value[b]!;
      const backend = backends[b] ?? null;
      const base = {
        row: file ? row.line : done.index,
        ...(backends.length > 1 ? { backend } : {}),
      };
      if (!job.ok && job.cancelled) {
        outcome.cancelled = true;
        continue;
      }
      if (job.ok) {
        outcome.rowsOk++;
        if (table) {
          cells.push({ ok: true, value: comparisonValue(job.result, options.hasOutput) });
          continue;
        }
        write(() => io.stdout(printRow(base, job, options)));
      } else {
        outcome.rowsFailed++;
        if (table) cells.push({ ok: false, error: errorSummary(job.error) });
        const label = file
          ? `row ${row.line}${backends.length > 1 ? ` on ${backend ?? 'default'}` : ''}`
          : `on ${backend ?? 'default'}`;
        write(() => {
          if (!table) io.stdout(`${JSON.stringify({ ...base, error: errorSummary(job.error) })}\n`);
          reportError(io, job.error, options.sources, options.verbose, label);
        });
      }
    }
    if (table) tableRows.push({ label: String(file ? row.line : done.index + 1), cells });
    // A reader slower than the rows (a pipe) holds back the next row rather than letting the
    // written lines pile up in memory.
    const wait = untilDrained(io, signal);
    if (wait) await wait;
  }
  progress?.clear();
  if (signal.aborted) outcome.cancelled = true;
  if (table && !outcome.cancelled) {
    const names = backends.map((b) => b ?? 'default');
    io.stdout(formatComparisonTable(names, tableRows, options.tableWidth ?? 100));
  }
  return outcome;
}

/** Null when stdout has room; else a promise of its 'drain', or of Ctrl-C, whichever comes first. */
function untilDrained(io: CliIO, signal: AbortSignal): Promise<void> | null {
  const drained = io.stdoutDrained?.() ?? null;
  if (drained === null || signal.aborted) return null;
  return new Promise((resolve) => {
    const onAbort = () => resolve();
    signal.addEventListener('abort', onAbort, { once: true });
    void drained.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}

/** A finished row: its result as a JSON line or, in a dry run, its calls (a block, or JSON). */
function printRow(
  base: Record<string, unknown>,
  job: JobOutcome & { ok: true },
  options: RunManyOptions,
): string {
  if (!options.dryRun) {
    return `${JSON.stringify({ ...base, text: job.result.text, outputs: job.result.outputs })}\n`;
  }
  if (options.json) return `${JSON.stringify({ ...base, calls: job.events })}\n`;
  const on = base['backend'] !== undefined ? ` on ${String(base['backend'] ?? 'default')}` : '';
  const title = options.file
    ? `row ${String(base['row'])}${on}`
    : String(base['backend'] ?? 'default');
  return `══ ${title}\n${job.events.map(printDryRunCall).join('')}${printDryRunSummary(job.events)}`;
}
