import cliProgress from 'cli-progress';
import type { SourceFile } from '../../source/source-file.js';
import type { CliIO } from '../io.js';
import { reportError } from '../report-error.js';
import { formatComparisonTable, type ComparisonCell } from './comparison-table.js';
import { errorSummary } from './format-result.js';
import { readInputRows } from './read-jsonl.js';
import type { RunResult } from '../../runtime/run-program.js';

/** One run of the flow with some inputs on one backend (null: the flow's default). */
export type RunOne = (
  inputs: Record<string, unknown>,
  backend: string | null,
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
}

/**
 * Runs every row on every backend at once (one shared session caps the calls), a failing row
 * reported and the others completed. Results are JSON lines in input order — or, when several
 * backends are compared on a terminal, a side-by-side table. Exit 1 if any row failed.
 */
export async function runMany(options: RunManyOptions): Promise<number> {
  const { io, backends } = options;
  const rows = options.file
    ? readInputRows(options.file)
    : [{ line: 0, inputs: {} as Record<string, unknown> }];
  const stderrIsTerminal = process.stderr.isTTY === true;
  const bar =
    stderrIsTerminal && rows.length * backends.length > 1
      ? new cliProgress.SingleBar(
          { stream: process.stderr, clearOnComplete: true, hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : null;
  bar?.start(rows.length * backends.length, 0);

  const jobs = rows.map((row) =>
    backends.map(async (backend) => {
      try {
        if ('error' in row) throw new Error(row.error);
        return {
          ok: true as const,
          result: await options.runOne({ ...options.flagInputs, ...row.inputs }, backend),
        };
      } catch (error) {
        return { ok: false as const, error };
      } finally {
        bar?.increment();
      }
    }),
  );

  let failed = false;
  const table = !options.json && backends.length > 1 && process.stdout.isTTY === true;
  const tableRows: { label: string; cells: ComparisonCell[] }[] = [];
  for (let r = 0; r < rows.length; r++) {
    const cells: ComparisonCell[] = [];
    for (let b = 0; b < backends.length; b++) {
      const outcome = await jobs[r]![b]!;
      const row = rows[r]!;
      const base = {
        row: options.file ? row.line : r,
        ...(backends.length > 1 ? { backend: backends[b] } : {}),
      };
      if (outcome.ok) {
        cells.push({
          ok: true,
          value:
            typeof outcome.result.result === 'string'
              ? outcome.result.result
              : JSON.stringify(outcome.result.result),
        });
        if (!table)
          io.stdout(
            `${JSON.stringify({ ...base, text: outcome.result.text, outputs: outcome.result.outputs })}\n`,
          );
      } else {
        failed = true;
        cells.push({ ok: false, error: errorSummary(outcome.error) });
        if (!table)
          io.stdout(`${JSON.stringify({ ...base, error: errorSummary(outcome.error) })}\n`);
        bar?.stop();
        reportError(io, outcome.error, options.sources, options.verbose);
      }
    }
    tableRows.push({ label: String(options.file ? rows[r]!.line : r + 1), cells });
  }
  bar?.stop();
  if (table) {
    const names = backends.map((b) => b ?? 'default');
    io.stdout(formatComparisonTable(names, tableRows, process.stdout.columns ?? 100));
  }
  return failed ? 1 : 0;
}
