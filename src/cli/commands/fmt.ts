import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';

/** Registers `ot fmt FILE… [--check]`; prettier is loaded only when the command runs. */
export function registerFmtCommand(program: Command, context: CommandContext): void {
  program
    .command('fmt')
    .description(
      'format .ot files in place with prettier and the ot plugin (honours .prettierrc); the text a template renders never changes',
    )
    .argument('<files...>', '.ot files to format')
    .option(
      '--check',
      'write nothing; list the files that are not formatted and exit 1 if there are any',
    )
    .action(async (files: string[], options: { check?: boolean }) => {
      const { formatFiles } = await import('./format-files.js');
      context.setExitCode(await formatFiles(files, options.check === true, context));
    });
}
