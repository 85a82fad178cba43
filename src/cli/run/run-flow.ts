import { dirname } from 'node:path';
import { openCache } from '../../cache/open-cache.js';
import { findConfig } from '../../config/find-config.js';
import { loadConfig } from '../../config/load-config.js';
import type { OtConfig } from '../../config/config-types.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { OtError } from '../../diagnostics/ot-error.js';
import { printDiagnostics } from '../../diagnostics/printer.js';
import { loadProgram } from '../../ir/load-program.js';
import { createBackendResolver } from '../../runtime/backend-resolver.js';
import { createRegistry } from '../../runtime/registry/registry.js';
import type { RunContext } from '../../runtime/run-context.js';
import { runProgram, type RunResult } from '../../runtime/run-program.js';
import { Session } from '../../runtime/session.js';
import type { TraceEvent } from '../../runtime/trace.js';
import { programHooks } from '../../template.js';
import type { CliIO } from '../io.js';
import { reportError } from '../report-error.js';
import { printDryRunCall, printDryRunSummary } from './dry-run.js';
import { formatJsonResult, formatPlainResult } from './format-result.js';
import { runMany } from './run-many.js';
import { TraceWriter } from './trace-writer.js';

/** The flags of `ot run` after commander has read them. */
export interface RunFlags {
  inputs?: string;
  backend: string[];
  config?: string;
  cache?: string;
  trace?: string;
  json?: boolean;
  concurrency?: string;
  dryRun?: boolean;
}

/** One run of the flow with some inputs on one backend (null: the flow's default). */
export type RunOne = (inputs: Record<string, unknown>, backend: string | null) => Promise<RunResult>;

/** Exit code of a run cancelled with Ctrl-C (128 + SIGINT). */
const EXIT_CANCELLED = 130;

/**
 * `ot run`: load and check the flow, its config and backends (every error before any call),
 * open the cache, then run once or once per `--inputs` row and backend, all runs sharing one
 * session (scheduler, cache, single flight). Ctrl-C aborts calls in flight; the cache is
 * closed (flushed) on every path.
 */
export async function runFlowCommand(
  file: string,
  flagInputs: Record<string, unknown>,
  flags: RunFlags,
  io: CliIO,
  verbose: boolean,
): Promise<number> {
  const loaded = loadProgram(file);
  if (loaded.diagnostics.length > 0) {
    io.stderr(`${printDiagnostics(loaded.diagnostics, (path) => loaded.sources[path], { color: io.stderrColor })}\n`);
  }
  if (hasErrors(loaded.diagnostics)) return 1;
  const { program, sources } = loaded;
  const entry = program.templates[program.entry]!;

  let config: OtConfig | null;
  try {
    const configPath = flags.config ?? findConfig(dirname(file));
    config = configPath ? loadConfig(configPath) : null;
  } catch (error) {
    reportError(io, error, sources, verbose);
    return 1;
  }

  const registry = createRegistry();
  registry.defaultBackend = config?.defaultBackend ?? null;
  const resolveBackend = createBackendResolver(registry, config);
  const backends = flags.backend.length > 0 ? flags.backend : [null];
  try {
    // Every backend is created before any call, so a missing API key stops the run at once.
    for (const name of backends) {
      const chosen = name ?? entry.meta.backend ?? registry.defaultBackend;
      if (chosen) resolveBackend(chosen, entry);
    }
  } catch (error) {
    reportError(io, error, sources, verbose);
    return 1;
  }

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
  const hooks = programHooks(program, sources, resolveBackend);
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
    return runProgram(program, inputs, context, hooks);
  };

  try {
    if (flags.inputs || backends.length > 1) {
      return await runMany({ file: flags.inputs ?? null, flagInputs, backends, runOne, io, sources, verbose, json: flags.json === true });
    }
    const result = await runOne(flagInputs, backends[0]!);
    if (flags.dryRun) io.stdout(printDryRunSummary(dryRunCalls));
    else if (flags.json) io.stdout(`${formatJsonResult(result)}\n`);
    else io.stdout(ensureNewline(formatPlainResult(result, entry.meta.output !== null)));
    return 0;
  } catch (error) {
    if (controller.signal.aborted) {
      io.stderr('ot: cancelled\n');
      return EXIT_CANCELLED;
    }
    reportError(io, error, sources, verbose);
    return 1;
  } finally {
    process.off('SIGINT', onSigint);
    await cache.close();
    await trace?.close();
    if (controller.signal.aborted) process.exitCode = EXIT_CANCELLED;
  }
}

/** `--cache` wins over the config's `cache:`; neither means `.ot-cache/` in the working directory. */
function cacheSpec(flag: string | undefined, config: OtConfig | null): string | undefined {
  if (flag !== undefined) return flag;
  const setting = config?.cache;
  if (!setting) return undefined;
  switch (setting.kind) {
    case 'off':
      return 'off';
    case 'directory':
      return setting.path;
    case 'redis':
      return setting.url;
  }
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') || text === '' ? text : `${text}\n`;
}

