import { openCache } from '../../cache/open-cache.js';
import { OtError } from '../../diagnostics/ot-error.js';
import type { RunContext } from '../../runtime/run-context.js';
import { Session } from '../../runtime/session.js';
import type { TraceEvent } from '../../runtime/trace.js';
import { coerceTextInputs } from '../coerce-inputs.js';
import { textInputNames } from '../inputs.js';
import type { CliIO } from '../io.js';
import { outputPathProblem } from '../output-path.js';
import { formatJsonResult, formatPlainResult } from './format-result.js';
import type { RunFlagsWithInputs } from './run-flags.js';
import { addToUsageTotals, emptyUsageTotals } from '../../runtime/usage/usage-totals.js';
import type { RunOne } from './run-many.js';
import { cacheSpec, setUpBackends, type RunBackends } from './run-setup.js';
import type { RunnableFlow } from './runnable-flow.js';
import { keepHeapTight } from '../tight-heap.js';

/** Exit code of a run cancelled with Ctrl-C (128 + SIGINT). */
const EXIT_CANCELLED = 130;

/**
 * `ot run` once the flow is loaded (or compiled): the output path and `--input` values checked
 * (exit 2), the config and backends checked (every error before any call), the cache opened,
 * then one run or one per `--inputs` row and backend, all runs sharing one session (scheduler,
 * cache, single flight). Ctrl-C aborts calls in flight; the cache is closed (flushed) on every
 * path. Returns the exit code.
 */
export async function runWithFlags(
  flow: RunnableFlow,
  flagInputs: Record<string, unknown>,
  flags: RunFlagsWithInputs,
  io: CliIO,
  verbose: boolean,
): Promise<number> {
  const traceProblem = flags.trace ? outputPathProblem(flags.trace) : null;
  if (traceProblem)
    return usageError(io, `--trace ${flags.trace}: cannot write there: ${traceProblem}`);
  const coerced = coerceTextInputs(flagInputs, textInputNames(flags.input), flow.entry.meta.inputs);
  if (!coerced.ok) return usageError(io, coerced.error);
  const inputs = coerced.inputs;
  if (flags.stream === true && (flags.inputs || flags.backend.length > 1 || flags.dryRun)) {
    return usageError(
      io,
      '--stream shows the calls of one run: it cannot be used with --inputs, several --backend or --dry-run',
    );
  }

  const backends = flags.backend.length > 0 ? flags.backend : [null];
  let setup: RunBackends;
  try {
    setup = setUpBackends(flow, flags.config, backends);
  } catch (error) {
    await reportError(io, error, flow.sources, verbose);
    return 1;
  }
  const { config, registry, resolveBackend } = setup;

  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(EXIT_CANCELLED);
    controller.abort(new OtError([], { cause: 'cancelled' }));
  };
  process.on('SIGINT', onSigint);

  const startedAt = performance.now();
  const cache = await openCache(cacheSpec(flags.cache, config), {
    cwd: process.cwd(),
    onWarning: (message) => io.stderr(`ot: warning: ${message}\n`),
  });
  // What only some runs use is loaded when they do (trace, dry run, streaming, several runs,
  // summary), so a plain run starts quicker.
  const trace = flags.trace
    ? new (await import('./trace-writer.js')).TraceWriter(flags.trace)
    : null;
  const session = new Session({
    cache,
    signal: controller.signal,
    ...(flags.concurrency ? { concurrency: Number(flags.concurrency) } : {}),
    ...(flags.dryRun ? { dryRun: true } : {}),
  });
  const calls = emptyUsageTotals();
  const many = Boolean(flags.inputs) || backends.length > 1;
  const streaming = !many && !flags.dryRun && (flags.stream ?? process.stderr.isTTY === true);
  const display = streaming
    ? (await import('./stream-display.js')).createStreamDisplay(
        (text) => io.stderr(text),
        session.order,
      )
    : null;
  const showSummary =
    flags.summary === true || (flags.summary === undefined && process.stderr.isTTY === true);
  // Totals read every call's tokens; a single run that prints no summary does not need them,
  // and reading the fake backend's would load its tokenizer (a third of a second).
  const wantTotals = many || showSummary;
  const summary = showSummary || flags.inputs ? await import('./run-summary.js') : null;
  const dryRun = flags.dryRun ? await import('./dry-run.js') : null;
  const dryRunCalls: TraceEvent[] = [];
  const runOne: RunOne = (rowInputs, backend, observe) => {
    const context: RunContext = {
      session,
      registry,
      backendName: backend,
      trace: (event) => {
        trace?.write(event);
        if (wantTotals) addToUsageTotals(calls, event);
        observe?.(event);
        if (dryRun && !many) {
          dryRunCalls.push(event);
          if (!flags.json) io.stdout(dryRun.printDryRunCall(event));
        }
      },
      startedAt: performance.now(),
      sample: '',
      warn: (message) => io.stderr(`ot: warning: ${message}\n`),
      ...(display ? { stream: display.sink } : {}),
    };
    return flow.run(rowInputs, context, resolveBackend);
  };

  try {
    if (many) {
      const { rowWindow, runMany } = await import('./run-many.js');
      keepHeapTight();
      const outcome = await runMany({
        file: flags.inputs ?? null,
        flagInputs: inputs,
        backends,
        runOne,
        io,
        sources: flow.sources,
        verbose,
        json: flags.json === true,
        dryRun: flags.dryRun === true,
        hasOutput: flow.entry.meta.output !== null,
        signal: controller.signal,
        calls,
        window: rowWindow(session.global.capacity),
        progress:
          process.stderr.isTTY === true
            ? { write: (text) => process.stderr.write(text), columns: process.stderr.columns ?? 80 }
            : null,
        tableWidth: process.stdout.isTTY === true ? (process.stdout.columns ?? 100) : null,
      });
      if (outcome.cancelled) {
        io.stderr('ot: cancelled\n');
        return EXIT_CANCELLED;
      }
      if (flags.inputs && summary) {
        io.stderr(
          summary.formatRunSummary({
            rows: { ok: outcome.rowsOk, failed: outcome.rowsFailed },
            calls,
            dryRun: flags.dryRun === true,
            wallMs: performance.now() - startedAt,
          }),
        );
      }
      return outcome.rowsFailed > 0 ? 1 : 0;
    }
    const result = await runOne(inputs, backends[0]!).finally(() => display?.finish());
    if (dryRun && flags.json) io.stdout(`${JSON.stringify({ calls: dryRunCalls })}\n`);
    else if (dryRun) io.stdout(dryRun.printDryRunSummary(dryRunCalls));
    else if (flags.json) io.stdout(`${formatJsonResult(result)}\n`);
    else io.stdout(ensureNewline(formatPlainResult(result, flow.entry.meta.output !== null)));
    if (showSummary && summary) {
      io.stderr(
        summary.formatRunSummary({
          rows: null,
          calls,
          dryRun: flags.dryRun === true,
          wallMs: performance.now() - startedAt,
        }),
      );
    }
    return 0;
  } catch (error) {
    if (controller.signal.aborted) {
      io.stderr('ot: cancelled\n');
      return EXIT_CANCELLED;
    }
    await reportError(io, error, flow.sources, verbose);
    return 1;
  } finally {
    process.off('SIGINT', onSigint);
    await session.writesSettled();
    await cache.close();
    await trace?.close().catch((error: unknown) => {
      io.stderr(`ot: warning: the trace ${flags.trace} is incomplete: ${String(error)}\n`);
    });
    if (controller.signal.aborted) process.exitCode = EXIT_CANCELLED;
  }
}

/** Prints a failure with its code frames; the printer is loaded only when a run fails. */
async function reportError(
  io: CliIO,
  error: unknown,
  sources: RunnableFlow['sources'],
  verbose: boolean,
): Promise<void> {
  (await import('../report-error.js')).reportError(io, error, sources, verbose);
}

function usageError(io: CliIO, message: string): number {
  io.stderr(`ot: ${message}\n(run \`ot --help\` for usage)\n`);
  return 2;
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') || text === '' ? text : `${text}\n`;
}
