import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';

/** Registers `ot check FILE…`; the checker is loaded only when the command runs. */
export function registerCheckCommand(program: Command, context: CommandContext): void {
  program
    .command('check')
    .description('report every diagnostic of the files and the templates they include or flow into')
    .argument('<files...>', '.ot files to check')
    .action(async (files: string[]) => {
      const { checkFiles } = await import('./check-files.js');
      context.setExitCode(checkFiles(files, context));
    });
}
