import type { Command } from 'commander';
import { reportUsageError, type CommandContext } from '../command-context.js';
import { addInputOptions, collect, parseInputFlags } from '../inputs.js';
import { runFlowCommand, type RunFlags } from '../run/run-flow.js';

/** `ot run FILE [flags]`: renders a flow, making its calls (ARCHITECTURE.md §4). */
export function registerRunCommand(program: Command, context: CommandContext): void {
  addInputOptions(
    program
      .command('run')
      .description('run a flow and print its text (or its `output` value)')
      .argument('<file>', 'the .ot file'),
  )
    .option('--inputs <data.jsonl>', 'one run per JSON line; results as JSON lines')
    .option('--backend <name>', 'a backend of ot.config.yaml or fake:PATH (repeat to compare backends)', collect, [])
    .option('--config <path>', 'the config file (default: ot.config.yaml found upward from the flow)')
    .option('--cache <dir|redis://…|off>', 'where calls are cached (default: .ot-cache/)')
    .option('--trace <path>', 'write one JSON line per call sample')
    .option('--json', 'print {"text", "outputs"} as JSON')
    .option('--concurrency <n>', 'most calls in flight at once')
    .option('--dry-run', 'print each call\'s prompt and cache status without calling a backend')
    .action(async (file: string, options: RunFlags & { input?: string[]; inputJson?: string[] }) => {
      const inputs = parseInputFlags(options);
      if (!inputs.ok) return reportUsageError(context, inputs.error);
      if (options.concurrency !== undefined && !/^[1-9]\d*$/.test(String(options.concurrency))) {
        return reportUsageError(context, `--concurrency expects a positive integer, got ${JSON.stringify(options.concurrency)}`);
      }
      const verbose = program.opts<{ verbose?: boolean }>().verbose === true;
      context.setExitCode(await runFlowCommand(file, inputs.inputs, options, context.io, verbose));
    });
}
