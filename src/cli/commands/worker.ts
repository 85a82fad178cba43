import type { Command } from 'commander';
import { reportUsageError, type CommandContext } from '../command-context.js';

/** The flags of `ot worker`. */
interface WorkerFlags {
  queue?: string;
  concurrency: string;
  config?: string;
  cache?: string;
  lockMs: string;
}

/** `ot worker --queue redis://HOST:PORT[/NAME]`: runs queued rows until stopped (README "Running on many machines"). */
export function registerWorkerCommand(program: Command, context: CommandContext): void {
  program
    .command('worker')
    .description("run the rows queued by `ot run --queue` with this machine's backends")
    .requiredOption('--queue <redis://HOST:PORT[/NAME]>', 'the queue (NAME defaults to `ot`)')
    .option('--concurrency <n>', 'rows run at once', '8')
    .option('--config <path>', 'the config file (default: ot.config.yaml found upward from here)')
    .option(
      '--cache <redis://…|off>',
      "the shared cache (default: the jobs' cache, the queue's server)",
    )
    .option(
      '--lock-ms <ms>',
      "how long a killed worker's jobs and calls stay locked before others take them",
      '30000',
    )
    .action(async (flags: WorkerFlags) => {
      for (const [name, value] of [
        ['--concurrency', flags.concurrency],
        ['--lock-ms', flags.lockMs],
      ] as const) {
        if (!/^[1-9]\d*$/.test(value)) {
          return reportUsageError(
            context,
            `${name} expects a positive integer, got ${JSON.stringify(value)}`,
          );
        }
      }
      // Loaded here so that other commands never load BullMQ.
      const { workerCommand } = await import('../worker/worker-command.js');
      context.setExitCode(
        await workerCommand(
          {
            queue: flags.queue!,
            concurrency: Number(flags.concurrency),
            lockMs: Number(flags.lockMs),
            config: flags.config,
            cache: flags.cache,
          },
          context,
        ),
      );
    });
}
