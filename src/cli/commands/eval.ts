import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import type { EvalFlags } from '../eval/eval-command.js';
import { collect } from '../inputs.js';

/** `ot eval EVAL.yaml`: runs flows over a dataset on backends and scores them (README "Evaluating flows"). */
export function registerEvalCommand(program: Command, context: CommandContext): void {
  program
    .command('eval')
    .description('run flows over a dataset on backends, score the results and compare them')
    .argument('<eval>', 'the eval file (.yaml)')
    .option(
      '--backend <name>',
      "a backend of ot.config.yaml or fake:PATH, replacing the eval's (repeat to compare)",
      collect,
      [],
    )
    .option(
      '--config <path>',
      'the config file (default: ot.config.yaml found upward from the eval)',
    )
    .option('--cache <dir|redis://…|off>', 'where calls are cached (default: .ot-cache/)')
    .option('--concurrency <n>', 'most calls in flight at once')
    .option('--json', 'print the summary as one JSON object instead of the table')
    .option('--out <results.jsonl>', 'write one JSON line per row × flow × backend × sample')
    .option('--report <report.html>', 'write a self-contained HTML report')
    .option('--title <text>', "the report's heading (default: the eval's description)")
    .option('--trace <path>', 'write one JSON line per call')
    .option('--estimate', 'print how many runs the eval makes, without running it')
    .option(
      '--queue <redis://host:port[/name]>',
      'run the flows on `ot worker`s through a BullMQ queue (README "Running on many machines")',
    )
    .action(async (file: string, options: EvalFlags) => {
      const verbose = program.opts<{ verbose?: boolean }>().verbose === true;
      // The runner, scorers and report are loaded only when the command runs.
      const { evalCommand } = await import('../eval/eval-command.js');
      context.setExitCode(await evalCommand(file, options, context.io, verbose));
    });
}
