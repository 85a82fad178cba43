import { Command, CommanderError } from 'commander';
import { reportUsageError, type CommandContext } from '../command-context.js';
import { parseInputFlags } from '../inputs.js';
import { processIO, type CliIO } from '../io.js';
import { addRunOptions, checkRunFlags, type RunFlagsWithInputs } from './run-flags.js';
import { runWithFlags } from './run-with-flags.js';
import type { RunnableFlow } from './runnable-flow.js';

/**
 * A compiled module run directly (`node flow.mjs [flags]`): the flags of `ot run` without the
 * file argument, the same output and exit codes (0, 1 a template or run error, 2 bad usage).
 * Never throws and never calls `process.exit`.
 */
export async function runCompiledCommand(
  flow: RunnableFlow,
  argv: readonly string[],
  io: CliIO = processIO(),
): Promise<number> {
  let exitCode = 0;
  const context: CommandContext = { io, setExitCode: (code) => (exitCode = code) };
  const command = addRunOptions(
    new Command(flow.entry.path)
      .description(`run ${flow.entry.path} (compiled by \`ot compile\`), as \`ot run\` would`)
      .option('--verbose', 'show stack traces of internal errors')
      .showHelpAfterError('(run with --help for usage)')
      .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: (text) => io.stderr(text) })
      .exitOverride(),
  ).action(async (options: RunFlagsWithInputs & { verbose?: boolean }) => {
    const inputs = parseInputFlags(options);
    if (!inputs.ok) return reportUsageError(context, inputs.error);
    const problem = checkRunFlags(options);
    if (problem) return reportUsageError(context, problem);
    context.setExitCode(
      await runWithFlags(flow, inputs.inputs, options, io, options.verbose === true),
    );
  });
  try {
    await command.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const verbose = argv.includes('--verbose');
    const detail =
      verbose && error instanceof Error
        ? (error.stack ?? error.message)
        : String(error instanceof Error ? error.message : error);
    io.stderr(
      `ot: internal error: ${detail}\n${verbose ? '' : '(run with --verbose for the stack trace)\n'}`,
    );
    return 1;
  }
}
