import { writeFileSync } from 'node:fs';
import { openCache } from '../../cache/open-cache.js';
import { OtError } from '../../diagnostics/ot-error.js';
import type { EvalResultRow } from '../../eval/eval-types.js';
import { EvalSummaryBuilder } from '../../eval/summary-builder.js';
import { resolveFakePath } from '../../eval/check-eval-spec.js';
import { estimateEval } from '../../eval/estimate-eval.js';
import type { CallCache } from '../../cache/call-cache.js';
import { formatCostEstimate } from '../commands/format-estimate.js';
import { formatUsd } from '../../runtime/usage/format-usd.js';
import { loadEvalFile } from '../../eval/load-eval.js';
import { prepareEval, type PreparedEval } from '../../eval/prepare-eval.js';
import { runEval } from '../../eval/run-eval.js';
import { renderEvalReport } from '../../report/render-eval-report.js';
import { reportCall } from '../../report/report-call.js';
import { Session } from '../../runtime/session.js';
import type { SourceFile } from '../../source/source-file.js';
import type { CliIO } from '../io.js';
import { outputPathProblem } from '../output-path.js';
import { reportError } from '../report-error.js';
import { parseQueueUrl } from '../../queue/queue-url.js';
import { queuedFlowRunner } from '../../queue/queued-flow-runner.js';
import type { RowQueue } from '../../queue/row-queue.js';
import { openQueueOrReport } from '../open-queue.js';
import { ProgressLine, type ProgressCounts } from '../run/progress-line.js';
import { cacheSpec } from '../run/run-setup.js';
import { TraceWriter } from '../run/trace-writer.js';
import { queuedFlagsProblem } from '../queued-flags.js';
import { formatEvalTable } from './eval-table.js';
import { ResultLineWriter } from './write-results.js';
import { keepHeapTight } from '../tight-heap.js';

/** Exit code of a run cancelled with Ctrl-C (128 + SIGINT). */
const EXIT_CANCELLED = 130;

/** The flags of `ot eval` after commander has read them. */
export interface EvalFlags {
  backend: string[];
  config?: string;
  cache?: string;
  concurrency?: string;
  json?: boolean;
  out?: string;
  report?: string;
  trace?: string;
  title?: string;
  estimate?: boolean;
  queue?: string;
}

/**
 * `ot eval EVAL.yaml`: the eval file, its flows, dataset, backends and scorers checked (every
 * problem printed, exit 1, before any call); then every run on one session with a progress line
 * on a terminal, `--out` lines written as results come (in order); then the table (or `--json`)
 * and `--report`. Ctrl-C aborts the calls in flight, writes no table or report (`--out` keeps
 * the results that finished) and exits 130; what finished is cached, so a rerun resumes. Exits 1
 * when a result failed (its cell counts it), 0 otherwise.
 */
export async function evalCommand(
  file: string,
  flags: EvalFlags,
  io: CliIO,
  verbose: boolean,
): Promise<number> {
  for (const [flag, path] of [
    ['--out', flags.out],
    ['--report', flags.report],
    ['--trace', flags.trace],
  ] as const) {
    const problem = path ? outputPathProblem(path) : null;
    if (problem) return usageError(io, `${flag} ${path}: cannot write there: ${problem}`);
  }
  if (flags.concurrency !== undefined && !/^[1-9]\d*$/.test(flags.concurrency)) {
    return usageError(
      io,
      `--concurrency expects a positive integer, got ${JSON.stringify(flags.concurrency)}`,
    );
  }

  const address = flags.queue === undefined ? null : parseQueueUrl(flags.queue);
  if (address && 'error' in address) return usageError(io, address.error);
  const queueProblem = address ? queuedFlagsProblem(flags) : null;
  if (queueProblem) return usageError(io, queueProblem);

  const sources: Record<string, SourceFile> = {};
  let prepared: PreparedEval;
  try {
    const loaded = loadEvalFile(file);
    sources[loaded.source.path] = loaded.source;
    prepared = await prepareEval(loaded.checked, {
      backends: flags.backend.map((name) => ({
        name,
        spec: resolveFakePath(name, process.cwd()),
      })),
      ...(flags.config !== undefined ? { config: flags.config } : {}),
      // Workers resolve the backends with their own config and keys.
      ...(address ? { checkBackends: false } : {}),
    });
    Object.assign(sources, prepared.sources);
  } catch (error) {
    reportError(io, error, sources, verbose);
    return 1;
  }
  if (flags.estimate) {
    const cache = await openCache(cacheSpec(flags.cache, prepared.config), {
      cwd: process.cwd(),
      onWarning: (message) => io.stderr(`ot: warning: ${message}\n`),
    });
    try {
      return await printEstimate(prepared, cache, flags, io);
    } finally {
      await cache.close();
    }
  }

  let queue: RowQueue | null = null;
  if (address) {
    queue = await openQueueOrReport(address, io);
    if (!queue) return 1;
  }
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(EXIT_CANCELLED);
    controller.abort(new OtError([], { cause: 'cancelled' }));
  };
  process.on('SIGINT', onSigint);
  // With a queue, the scorers' judge flows run here on the workers' shared cache (single flight
  // across processes holds for them too).
  const cache = await openCache(
    address ? (flags.cache ?? address.redisUrl) : cacheSpec(flags.cache, prepared.config),
    {
      cwd: process.cwd(),
      onWarning: (message) => io.stderr(`ot: warning: ${message}\n`),
    },
  );
  const queued = queue
    ? queuedFlowRunner(queue, {
        cache: flags.cache ?? null,
        defaultBackend: prepared.config?.defaultBackend ?? null,
        signal: controller.signal,
      })
    : null;
  const trace = flags.trace ? new TraceWriter(flags.trace) : null;
  const session = new Session({
    cache,
    signal: controller.signal,
    ...(flags.concurrency ? { concurrency: Number(flags.concurrency) } : {}),
  });
  const counts: ProgressCounts = {
    rowsDone: 0,
    rowsTotal:
      prepared.flows.length *
      prepared.backends.length *
      prepared.rows.length *
      prepared.checked.repeat,
    rowsFailed: 0,
    callsMade: 0,
    callsCached: 0,
  };
  const progress =
    process.stderr.isTTY === true
      ? new ProgressLine(
          (text) => process.stderr.write(text),
          () => counts,
          process.stderr.columns ?? 80,
        )
      : null;
  progress?.render();
  const createdAt = new Date().toISOString();
  const scorerNames = prepared.scorers.map((scorer) => scorer.name);
  // The summary keeps a few numbers per result; whole results (with the calls the page shows)
  // only for a report; `--out` lines are written as results come; the first failures are named.
  const builder = new EvalSummaryBuilder(scorerNames);
  const forReport: EvalResultRow[] | null = flags.report ? [] : null;
  const failed: EvalResultRow[] = [];
  let failedCount = 0;
  let out: ResultLineWriter | null = null;
  try {
    if (flags.out) out = new ResultLineWriter(flags.out);
    keepHeapTight();
    const run = await runEval(prepared, {
      session,
      startedAt: performance.now(),
      keepCalls: forReport !== null,
      ...(queued ? { runFlow: queued.runFlow } : {}),
      warn: (message) => {
        progress?.clear();
        io.stderr(`ot: warning: ${message}\n`);
      },
      onCall: (call) => {
        // A report's line may say `null` for unknown usage or cost; the trace leaves them out.
        if (trace) {
          const { usage, cost_usd, ...line } = call;
          trace.write({
            ...line,
            ...(usage ? { usage } : {}),
            ...(cost_usd != null ? { cost_usd } : {}),
          });
        }
        if (call.cached) counts.callsCached++;
        else counts.callsMade++;
        progress?.tick();
      },
      onResult: (result, calls) => {
        builder.add(result, calls);
        out?.write(result);
        forReport?.push({ ...result, calls: result.calls.map(reportCall) });
        counts.rowsDone++;
        if (result.error !== undefined && result.error !== null) {
          counts.rowsFailed++;
          failedCount++;
          if (failed.length < 5) failed.push({ ...result, calls: [] });
        }
        if (!controller.signal.aborted) progress?.render();
      },
    });
    progress?.clear();
    if (run.cancelled) {
      io.stderr(
        queue
          ? `ot: cancelled (the queued runs stay on ${address!.label}: rerun to collect them)\n`
          : 'ot: cancelled\n',
      );
      return EXIT_CANCELLED;
    }
    if (queued && queue) {
      const { finished, queued: waiting } = queued.resumed;
      if (finished + waiting > 0) {
        io.stderr(
          `ot: resumed on ${address!.label}: ${finished} runs already finished, ${waiting} already queued\n`,
        );
      }
      // Every result is read: the jobs have served their purpose.
      await queue.remove(queued.ids);
    }
    const summary = builder.build();
    if (flags.report && forReport) {
      const title = flags.title ?? prepared.checked.description ?? file;
      writeFileSync(
        flags.report,
        renderEvalReport({ title, created_at: createdAt, summary, results: forReport }),
      );
    }
    if (flags.json) io.stdout(`${JSON.stringify(summary)}\n`);
    else io.stdout(formatEvalTable(summary, scorerNames));
    for (const result of failed) {
      io.stderr(
        `ot: ${result.flow} on ${result.backend}, row ${result.row}#${result.sample}: ${result.error}\n`,
      );
    }
    if (failedCount > 5) io.stderr(`ot: … and ${failedCount - 5} more failed results\n`);
    const wrote = [flags.out, flags.report].filter(Boolean);
    if (wrote.length > 0) io.stderr(`ot: wrote ${wrote.join(', ')}\n`);
    return failedCount > 0 ? 1 : 0;
  } catch (error) {
    progress?.clear();
    if (controller.signal.aborted) {
      io.stderr('ot: cancelled\n');
      return EXIT_CANCELLED;
    }
    reportError(io, error, sources, verbose);
    return 1;
  } finally {
    process.off('SIGINT', onSigint);
    out?.close();
    await cache.close();
    await queue?.close();
    await trace?.close().catch((error: unknown) => {
      io.stderr(`ot: warning: the trace ${flags.trace} is incomplete: ${String(error)}\n`);
    });
    if (controller.signal.aborted) process.exitCode = EXIT_CANCELLED;
  }
}

/** `--estimate`: the eval's runs, calls, tokens and cost before any call (see `estimateEval`). */
async function printEstimate(
  prepared: PreparedEval,
  cache: CallCache,
  flags: EvalFlags,
  io: CliIO,
): Promise<number> {
  const estimate = await estimateEval(prepared, cache);
  if (flags.json) {
    io.stdout(`${JSON.stringify(estimate)}\n`);
    return 0;
  }
  const { flows, backends, rows } = prepared;
  io.stdout(
    `${estimate.runs} runs: ${flows.length} flows × ${backends.length} backends × ${rows.length} rows × ${estimate.repeat} samples\n`,
  );
  for (const { flow, estimate: one } of estimate.flows) {
    io.stdout(`\n${flow}${estimate.repeat > 1 ? ` (one sample; × ${estimate.repeat})` : ''}:\n`);
    io.stdout(formatCostEstimate(one));
  }
  const cost = estimate.cost_usd === null ? 'no price in the config' : formatUsd(estimate.cost_usd);
  io.stdout(
    `\nin all: ${estimate.calls} calls (${estimate.cached} cached) · ${estimate.input_tokens} input and ${estimate.output_tokens} output tokens to send · ${cost}; judge flows' calls are not counted (they depend on replies not known yet)\n`,
  );
  return 0;
}

function usageError(io: CliIO, message: string): number {
  io.stderr(`ot: ${message}\n(run \`ot --help\` for usage)\n`);
  return 2;
}
