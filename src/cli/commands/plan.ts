import { Option, type Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import type { PlanFormat } from './print-plan-command.js';

/** `ot plan FILE [--format text|json|mermaid]`: the parallel plan (ARCHITECTURE.md §4). */
export function registerPlanCommand(program: Command, context: CommandContext): void {
  program
    .command('plan')
    .description(
      'show which calls wait for which, the stages that run at once, and how many calls a run makes',
    )
    .argument('<file>', 'the .ot file')
    .addOption(
      new Option('--format <format>', 'text for people, json for tools, mermaid for a picture')
        .choices(['text', 'json', 'mermaid'])
        .default('text'),
    )
    .action(async (file: string, options: { format: PlanFormat }) => {
      const { planCommand } = await import('./print-plan-command.js');
      context.setExitCode(planCommand(file, options.format, context));
    });
}
