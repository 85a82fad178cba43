import { assertNever } from '../../assert-never.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { printDiagnostics } from '../../diagnostics/printer.js';
import { loadProgram } from '../../ir/load-program.js';
import { plan, printPlanJson, printPlanMermaid, printPlanText } from '../../plan/index.js';
import type { CommandContext } from '../command-context.js';

/** The output formats of `ot plan`. */
export type PlanFormat = 'text' | 'json' | 'mermaid';

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
