import { openCache } from '../../cache/open-cache.js';
import { configFileAccess } from '../../config/project-access.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { printDiagnostics } from '../../diagnostics/printer.js';
import { loadProgram } from '../../ir/load-program.js';
import { estimateCost } from '../../plan/estimate-cost.js';
import { runProgram } from '../../runtime/run-program.js';
import { programHooks } from '../../template.js';
import type { CommandContext } from '../command-context.js';
import { reportError } from '../report-error.js';
import { streamInputRows } from '../run/read-jsonl.js';
import { cacheSpec, setUpBackends } from '../run/run-setup.js';
import type { RunnableFlow } from '../run/runnable-flow.js';
import { formatCostEstimate } from './format-estimate.js';

/** The flags of `ot plan --estimate`. */
export interface EstimateFlags {
  inputs?: string;
  backend: string[];
  config?: string;
  cache?: string;
  /** Output tokens of a call without `max_tokens`. */
  outputTokens?: number;
  json: boolean;
}

/**
 * `ot plan FLOW --estimate`: loads the flow, then estimates its calls, tokens and cost over the
 * `--inputs` rows (or the flag inputs) without calling a backend; prints text or JSON.
 */
export async function estimateCommand(
  file: string,
  flagInputs: Record<string, unknown>,
  flags: EstimateFlags,
  context: CommandContext,
): Promise<number> {
  const { io } = context;
  const loaded = loadProgram(file, flags.config ? { access: configFileAccess(flags.config) } : {});
  if (loaded.diagnostics.length > 0) {
    io.stderr(
      `${printDiagnostics(loaded.diagnostics, (path) => loaded.sources[path], { color: io.stderrColor })}\n`,
    );
  }
  if (hasErrors(loaded.diagnostics)) return 1;
  const { program, sources } = loaded;
  const flow: RunnableFlow = {
    entry: program.templates[program.entry]!,
    sources,
    run: (inputs, runContext, resolveBackend) =>
      runProgram(program, inputs, runContext, programHooks(program, sources, resolveBackend)),
  };
  const backends = flags.backend.length > 0 ? flags.backend : [null];
  const warn = (message: string) => io.stderr(`ot: warning: ${message}\n`);
  try {
    const { config, registry, resolveBackend } = setUpBackends(flow, flags.config, backends);
    const cache = await openCache(cacheSpec(flags.cache, config), {
      cwd: process.cwd(),
      onWarning: warn,
    });
    try {
      const rows = flags.inputs ? inputRows(flags.inputs, flagInputs) : [flagInputs];
      const estimate = await estimateCost({
        flow,
        rows,
        backends,
        registry,
        resolveBackend,
        cache,
        onWarning: warn,
        ...(flags.outputTokens !== undefined ? { defaultOutputTokens: flags.outputTokens } : {}),
      });
      io.stdout(flags.json ? `${JSON.stringify(estimate)}\n` : formatCostEstimate(estimate));
      return 0;
    } finally {
      await cache.close();
    }
  } catch (error) {
    reportError(io, error, sources, false);
    return 1;
  }
}

/** The rows of an `--inputs` file over the flag inputs; a bad line stops the estimate. */
async function* inputRows(
  path: string,
  flagInputs: Record<string, unknown>,
): AsyncIterable<Record<string, unknown>> {
  for await (const row of streamInputRows(path)) {
    if ('error' in row) throw new Error(`${path}:${row.line}: ${row.error}`);
    yield { ...flagInputs, ...row.inputs };
  }
}
