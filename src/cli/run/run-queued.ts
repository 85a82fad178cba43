import { dirname } from 'node:path';
import { findConfig } from '../../config/find-config.js';
import { loadConfig } from '../../config/load-config.js';
import type { ProgramIR } from '../../ir/ir.js';
import { rowJobId } from '../../queue/job-id.js';
import { queueMessage } from '../../queue/queue-error.js';
import { parseQueueUrl } from '../../queue/queue-url.js';
import {
  errorFromData,
  ROW_JOB_VERSION,
  type RowJob,
  type RowOutcome,
} from '../../queue/row-job.js';
import { openQueueOrReport } from '../open-queue.js';
import type { RunResult } from '../../runtime/run-program.js';
import type { SourceFile } from '../../source/source-file.js';
import { coerceTextInputs } from '../coerce-inputs.js';
import { textInputNames } from '../inputs.js';
import type { CliIO } from '../io.js';
import { reportError } from '../report-error.js';
import { errorSummary, formatJsonResult, formatPlainResult } from './format-result.js';
import { ProgressLine, type ProgressCounts } from './progress-line.js';
import { streamInputRows, type InputRow } from './read-jsonl.js';
import type { RunFlagsWithInputs } from './run-flags.js';
import { queuedFlagsProblem } from '../queued-flags.js';
import { formatRunSummary } from './run-summary.js';
import {
  addUsageTotals,
  emptyUsageTotals,
  type UsageTotals,
} from '../../runtime/usage/usage-totals.js';

/** Exit code of a run cancelled with Ctrl-C (128 + SIGINT). */
const EXIT_CANCELLED = 130;

/** One row on one backend: its job (null for an unreadable input line) and where it prints. */
interface Slot {
  row: InputRow;
  /** The index among rows, for outputs without `--inputs`. */
  index: number;
  backend: string | null;
  id: string | null;
}

/** A slot's outcome: the run's result, or the error to report. */
type Finished = { ok: true; result: RunResult } | { ok: false; error: unknown };

/**
 * `ot run FLOW --queue redis://…`: one BullMQ job per row and backend, carrying the program as
 * data; results printed in input order as they come back, exactly as a local run prints them
 * (the same JSON lines, diagnostics, summary and exit codes). Job ids are digests, so a rerun
 * after the producer died reads the rows already finished instead of enqueuing them again;
 * jobs are removed once every result has been printed.
 */
export async function runQueued(
  program: ProgramIR,
  sources: Record<string, SourceFile>,
  flagInputs: Record<string, unknown>,
  flags: RunFlagsWithInputs & { queue: string },
  io: CliIO,
  verbose: boolean,
): Promise<number> {
  const entry = program.templates[program.entry]!;
  const address = parseQueueUrl(flags.queue);
  if ('error' in address) return usageError(io, address.error);
  const queueProblem = queuedFlagsProblem(flags);
  if (queueProblem) return usageError(io, queueProblem);
  const coerced = coerceTextInputs(flagInputs, textInputNames(flags.input), entry.meta.inputs);
  if (!coerced.ok) return usageError(io, coerced.error);

  let defaultBackend: string | null;
  try {
    const path = flags.config ?? findConfig(dirname(entry.path));
    defaultBackend = path ? loadConfig(path).defaultBackend : null;
  } catch (error) {
    reportError(io, error, sources, verbose);
    return 1;
  }

  // The producer holds every row's job id until its result is printed; the rows themselves
  // live on the queue (a queued run's memory is O(rows) ids, not O(rows) runs).
  const rows: InputRow[] = [];
  if (flags.inputs) for await (const row of streamInputRows(flags.inputs)) rows.push(row);
  else rows.push({ line: 0, inputs: {} });
  const backends = flags.backend.length > 0 ? flags.backend : [null];
  const texts: Record<string, string> = {};
  for (const [path, file] of Object.entries(sources)) texts[path] = file.text;
  const slots: Slot[] = [];
  const payloads = new Map<string, RowJob>();
  rows.forEach((row, index) => {
    for (const backend of backends) {
      if ('error' in row) {
        slots.push({ row, index, backend, id: null });
        continue;
      }
      const job: RowJob = {
        version: ROW_JOB_VERSION,
        program,
        sources: texts,
        inputs: { ...coerced.inputs, ...row.inputs },
        backend,
        defaultBackend,
        cache: flags.cache ?? null,
      };
      const id = rowJobId(job, slots.length);
      payloads.set(id, job);
      slots.push({ row, index, backend, id });
    }
  });

  const startedAt = performance.now();
  const queue = await openQueueOrReport(address, io);
  if (!queue) return 1;

  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(EXIT_CANCELLED);
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  const cancelled = new Promise<'cancelled'>((resolve) =>
    controller.signal.addEventListener('abort', () => resolve('cancelled'), { once: true }),
  );

  const counts: ProgressCounts = {
    rowsDone: 0,
    rowsTotal: slots.length,
    rowsFailed: 0,
    callsMade: 0,
    callsCached: 0,
  };
  // The workers' totals of every row, summed as a local run sums its trace.
  const calls = emptyUsageTotals();
  const progress =
    process.stderr.isTTY === true && slots.length > 1
      ? new ProgressLine(
          (text) => process.stderr.write(text),
          () => ({
            ...counts,
            callsMade: calls.callsMade,
            callsCached: calls.callsCached,
            costUsd: calls.costUsd,
          }),
          process.stderr.columns ?? 80,
        )
      : null;

  try {
    const submitted = await Promise.all(
      slots.map((slot) => (slot.id ? queue.submit(slot.id, payloads.get(slot.id)!) : 'new')),
    );
    const finished = submitted.filter((s) => s === 'finished').length;
    const queued = submitted.filter((s) => s === 'queued').length;
    if (finished + queued > 0) {
      io.stderr(
        `ot: resuming on ${address.label}: ${finished} of ${slots.length} rows already finished, ${queued} already queued\n`,
      );
    }
    progress?.render();

    const outcomes = slots.map(async (slot): Promise<Finished> => {
      let done: Finished;
      if ('error' in slot.row) {
        done = { ok: false, error: new Error(slot.row.error) };
      } else {
        try {
          done = fromOutcome(await queue.outcome(slot.id!), calls);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          done = { ok: false, error: new Error(queueMessage('OT4027', { reason })) };
        }
      }
      counts.rowsDone++;
      if (!done.ok) counts.rowsFailed++;
      if (!controller.signal.aborted) progress?.render();
      return done;
    });

    const many = Boolean(flags.inputs) || backends.length > 1;
    let rowsOk = 0;
    let rowsFailed = 0;
    for (let s = 0; s < slots.length; s++) {
      const slot = slots[s]!;
      const done = await Promise.race([outcomes[s]!, cancelled]);
      if (done === 'cancelled') {
        progress?.clear();
        io.stderr(
          `ot: cancelled (the queued rows stay on ${address.label}: rerun to collect them)\n`,
        );
        return EXIT_CANCELLED;
      }
      progress?.clear();
      if (!many) {
        if (done.ok) {
          io.stdout(
            flags.json
              ? `${formatJsonResult(done.result)}\n`
              : ensureNewline(formatPlainResult(done.result, entry.meta.output !== null)),
          );
        } else {
          reportError(io, done.error, sources, verbose);
        }
      } else {
        const base = {
          row: flags.inputs ? slot.row.line : slot.index,
          ...(backends.length > 1 ? { backend: slot.backend } : {}),
        };
        if (done.ok) {
          io.stdout(
            `${JSON.stringify({ ...base, text: done.result.text, outputs: done.result.outputs })}\n`,
          );
        } else {
          const label = flags.inputs
            ? `row ${slot.row.line}${backends.length > 1 ? ` on ${slot.backend ?? 'default'}` : ''}`
            : `on ${slot.backend ?? 'default'}`;
          io.stdout(`${JSON.stringify({ ...base, error: errorSummary(done.error) })}\n`);
          reportError(io, done.error, sources, verbose, label);
        }
      }
      if (done.ok) rowsOk++;
      else rowsFailed++;
      progress?.render();
    }
    progress?.clear();
    // Every result is printed: the jobs have served their purpose.
    await queue.remove(slots.flatMap((slot) => (slot.id ? [slot.id] : [])));
    if (flags.inputs) {
      io.stderr(
        formatRunSummary({
          rows: { ok: rowsOk, failed: rowsFailed },
          calls,
          dryRun: false,
          wallMs: performance.now() - startedAt,
        }),
      );
    }
    return rowsFailed > 0 ? 1 : 0;
  } finally {
    process.off('SIGINT', onSigint);
    await queue.close();
  }
}

/** A worker's answer as the local run's result or error; its calls join the totals. */
function fromOutcome(outcome: RowOutcome, calls: UsageTotals): Finished {
  addUsageTotals(calls, outcome.calls);
  if (outcome.ok) {
    return {
      ok: true,
      result: { text: outcome.text, outputs: outcome.outputs, result: outcome.result },
    };
  }
  return { ok: false, error: errorFromData(outcome.error) };
}

function usageError(io: CliIO, message: string): number {
  io.stderr(`ot: ${message}\n(run \`ot --help\` for usage)\n`);
  return 2;
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') || text === '' ? text : `${text}\n`;
}
