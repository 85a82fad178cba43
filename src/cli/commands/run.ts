import type { Command } from 'commander';
import { reportUsageError, type CommandContext } from '../command-context.js';
import { parseInputFlags } from '../inputs.js';
import { addRunOptions, checkRunFlags, type RunFlagsWithInputs } from '../run/run-flags.js';

/** `ot run FILE [flags]`: renders a flow, making its calls (ARCHITECTURE.md §4). */
export function registerRunCommand(program: Command, context: CommandContext): void {
  // The same flags as a compiled module run directly (`node flow.mjs …`): one definition.
  addRunOptions(
    program
      .command('run')
      .description('run a flow and print its text (or its `output` value)')
      .argument('<file>', 'the .ot file'),
  )
    // Only `ot run` (not a compiled module run directly): workers receive the program as IR.
    .option('--queue <redis://HOST:PORT[/NAME]>', 'run the rows on `ot worker`s through this queue')
    .action(async (file: string, options: RunFlagsWithInputs & { queue?: string }) => {
      const inputs = parseInputFlags(options);
      if (!inputs.ok) return reportUsageError(context, inputs.error);
      const problem = checkRunFlags(options);
      if (problem) return reportUsageError(context, problem);
      const verbose = program.opts<{ verbose?: boolean }>().verbose === true;
      // The parser, runtime and cache are loaded only now, so `ot --help` stays quick.
      const { runFlowCommand } = await import('../run/run-flow.js');
      context.setExitCode(await runFlowCommand(file, inputs.inputs, options, context.io, verbose));
    });
}
