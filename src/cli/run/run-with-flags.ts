import { openCache } from '../../cache/open-cache.js';
import { OtError } from '../../diagnostics/ot-error.js';
import type { RunContext } from '../../runtime/run-context.js';
import { Session } from '../../runtime/session.js';
import type { TraceEvent } from '../../runtime/trace.js';
import type { CliIO } from '../io.js';
import { reportError } from '../report-error.js';
import { printDryRunCall, printDryRunSummary } from './dry-run.js';
import { formatJsonResult, formatPlainResult } from './format-result.js';
import type { RunFlags } from './run-flags.js';
import { runMany, type RunOne } from './run-many.js';
import { cacheSpec, setUpBackends, type RunBackends } from './run-setup.js';
import type { RunnableFlow } from './runnable-flow.js';
import { TraceWriter } from './trace-writer.js';

/** Exit code of a run cancelled with Ctrl-C (128 + SIGINT). */
const EXIT_CANCELLED = 130;

/**
 * `ot run` once the flow is loaded (or compiled): its config and backends checked (every error
 * before any call), the cache opened, then one run or one per `--inputs` row and backend, all
 * runs sharing one session (scheduler, cache, single flight). Ctrl-C aborts calls in flight; the
 * cache is closed (flushed) on every path. Returns the exit code.
 */
export async function runWithFlags(
  flow: RunnableFlow,
  flagInputs: Record<string, unknown>,
  flags: RunFlags,
  io: CliIO,
  verbose: boolean,
): Promise<number> {
  const backends = flags.backend.length > 0 ? flags.backend : [null];
  let setup: RunBackends;
  try {
    setup = setUpBackends(flow, flags.config, backends);
  } catch (error) {
    reportError(io, error, flow.sources, verbose);
    return 1;
  }
  const { config, registry, resolveBackend } = setup;

  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(EXIT_CANCELLED);
    controller.abort(new OtError([], { cause: 'cancelled' }));
  };
  process.on('SIGINT', onSigint);

  const cache = await openCache(cacheSpec(flags.cache, config), {
    cwd: process.cwd(),
    onWarning: (message) => io.stderr(`ot: warning: ${message}\n`),
  });
  const trace = flags.trace ? new TraceWriter(flags.trace) : null;
  const session = new Session({
    cache,
    signal: controller.signal,
    ...(flags.concurrency ? { concurrency: Number(flags.concurrency) } : {}),
    ...(flags.dryRun ? { dryRun: true } : {}),
  });
  const dryRunCalls: TraceEvent[] = [];
  const onTrace = (event: TraceEvent) => {
    trace?.write(event);
    if (flags.dryRun) {
      dryRunCalls.push(event);
      io.stdout(printDryRunCall(event));
    }
  };
  const runOne: RunOne = (inputs, backend) => {
    const context: RunContext = {
      session,
      registry,
      backendName: backend,
      trace: onTrace,
      startedAt: performance.now(),
      sample: '',
      warn: (message) => io.stderr(`ot: warning: ${message}\n`),
    };
    return flow.run(inputs, context, resolveBackend);
  };

  try {
    if (flags.inputs || backends.length > 1) {
      return await runMany({
        file: flags.inputs ?? null,
        flagInputs,
        backends,
        runOne,
        io,
        sources: flow.sources,
        verbose,
        json: flags.json === true,
      });
    }
    const result = await runOne(flagInputs, backends[0]!);
    if (flags.dryRun) io.stdout(printDryRunSummary(dryRunCalls));
    else if (flags.json) io.stdout(`${formatJsonResult(result)}\n`);
    else io.stdout(ensureNewline(formatPlainResult(result, flow.entry.meta.output !== null)));
    return 0;
  } catch (error) {
    if (controller.signal.aborted) {
      io.stderr('ot: cancelled\n');
      return EXIT_CANCELLED;
    }
    reportError(io, error, flow.sources, verbose);
    return 1;
  } finally {
    process.off('SIGINT', onSigint);
    await cache.close();
    await trace?.close();
    if (controller.signal.aborted) process.exitCode = EXIT_CANCELLED;
  }
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') || text === '' ? text : `${text}\n`;
}
