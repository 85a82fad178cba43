import { hasErrors } from '../../diagnostics/diagnostic.js';
import { configFileAccess, projectAccess } from '../../config/project-access.js';
import { createProgramHooks } from '../../program-hooks.js';
import { runProgram } from '../../runtime/run-program.js';
import type { CliIO } from '../io.js';
import { loadFlow } from './load-flow.js';
import type { RunFlagsWithInputs } from './run-flags.js';
import { runWithFlags } from './run-with-flags.js';
import type { RunnableFlow } from './runnable-flow.js';

export type { RunFlags } from './run-flags.js';
export type { RunOne } from './run-many.js';

/**
 * `ot run FILE`: loads and checks the flow, or takes it from the flow cache (every diagnostic
 * printed, errors stop it before any call), then runs it with the interpreter through
 * `runWithFlags`.
 */
export async function runFlowCommand(
  file: string,
  flagInputs: Record<string, unknown>,
  flags: RunFlagsWithInputs & { queue?: string },
  io: CliIO,
  verbose: boolean,
): Promise<number> {
  // `--config` also says where includes and flows may read (else the config above the flow).
  const access = flags.config ? configFileAccess(flags.config) : projectAccess(file);
  const loaded = await loadFlow(file, access, process.cwd());
  if (loaded.diagnostics.length > 0) {
    const { printDiagnostics } = await import('../../diagnostics/printer.js');
    io.stderr(
      `${printDiagnostics(loaded.diagnostics, (path) => loaded.sources[path], { color: io.stderrColor })}\n`,
    );
  }
  if (hasErrors(loaded.diagnostics)) return 1;
  const { program, sources, loadAtRunTime } = loaded;
  if (flags.queue !== undefined) {
    // Loaded here so that a local run never loads BullMQ.
    const { runQueued } = await import('./run-queued.js');
    return runQueued(program, sources, flagInputs, { ...flags, queue: flags.queue }, io, verbose);
  }
  const flow: RunnableFlow = {
    entry: program.templates[program.entry]!,
    sources,
    run: (inputs, context, resolveBackend) =>
      runProgram(
        program,
        inputs,
        context,
        createProgramHooks(program, sources, resolveBackend, loadAtRunTime),
      ),
  };
  return runWithFlags(flow, flagInputs, flags, io, verbose);
}
