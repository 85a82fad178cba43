import { Option, type Command } from 'commander';
import { assertNever } from '../../assert-never.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { printDiagnostics } from '../../diagnostics/printer.js';
import { loadProgram } from '../../ir/load-program.js';
import { plan, printPlanJson, printPlanMermaid, printPlanText } from '../../plan/index.js';
import type { CommandContext } from '../command-context.js';

/** The output formats of `ot plan`. */
export type PlanFormat = 'text' | 'json' | 'mermaid';

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
    .action((file: string, options: { format: PlanFormat }) => {
      context.setExitCode(planCommand(file, options.format, context));
    });
}

/**
 * Loads the flow (diagnostics on stderr; errors stop it: a broken template has no plan), then
 * prints its plan on stdout.
 */
export function planCommand(file: string, format: PlanFormat, context: CommandContext): number {
  const loaded = loadProgram(file);
  if (loaded.diagnostics.length > 0) {
    const printed = printDiagnostics(loaded.diagnostics, (path) => loaded.sources[path], {
      color: context.io.stderrColor,
    });
    context.io.stderr(`${printed}\n`);
  }
  if (hasErrors(loaded.diagnostics)) return 1;
  const planned = plan(loaded.program);
  context.io.stdout(printPlan(planned, format, loaded.sources));
  return 0;
}

function printPlan(
  planned: ReturnType<typeof plan>,
  format: PlanFormat,
  sources: Parameters<typeof printPlanText>[1],
): string {
  switch (format) {
    case 'text':
      return printPlanText(planned, sources);
    case 'json':
      return printPlanJson(planned, sources);
    case 'mermaid':
      return printPlanMermaid(planned, sources);
    default:
      return assertNever(format);
  }
}
