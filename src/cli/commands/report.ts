import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import type { ReportFlags } from './report-trace.js';

/** `ot report TRACE [-o OUT.html]`: a self-contained HTML timeline of a run (ARCHITECTURE.md §4). */
export function registerReportCommand(program: Command, context: CommandContext): void {
  program
    .command('report')
    .description('write a self-contained HTML report (timeline and calls) of a --trace file')
    .argument('<trace>', 'the trace file written by `ot run --trace`')
    .option('-o, --output <file.html>', 'where to write the page (default: the trace with .html)')
    .option('--title <text>', 'the heading of the page (default: the trace file name)')
    .action(async (trace: string, options: ReportFlags) => {
      // The report renderer is loaded only when the command runs.
      const { reportCommand } = await import('./report-trace.js');
      context.setExitCode(reportCommand(trace, options, context));
    });
}
