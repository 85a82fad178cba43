import { readFileSync, writeFileSync } from 'node:fs';
import { parseTraceLines } from '../../report/parse-trace.js';
import { renderTraceReport } from '../../report/render-trace-report.js';
import type { CommandContext } from '../command-context.js';

/** Options of `ot report`. */
export interface ReportFlags {
  output?: string;
  title?: string;
}

/**
 * Reads the trace (lines that are not trace objects are reported and skipped; a trace with no
 * call at all is an error), renders the page and writes it.
 */
export function reportCommand(trace: string, flags: ReportFlags, context: CommandContext): number {
  let text: string;
  try {
    text = readFileSync(trace, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    context.io.stderr(`ot: error: cannot read ${trace}: ${reason}\n`);
    return 1;
  }
  const parsed = parseTraceLines(text);
  for (const problem of parsed.problems) {
    context.io.stderr(`ot: ${trace}:${problem.line}: skipped: ${problem.message}\n`);
  }
  if (parsed.lines.length === 0) {
    context.io.stderr(`ot: error: ${trace} has no trace lines\n`);
    return 1;
  }
  const output = flags.output ?? `${trace.replace(/\.jsonl?$/, '')}.html`;
  const html = renderTraceReport(parsed.lines, { title: flags.title ?? trace });
  writeFileSync(output, html);
  const calls = parsed.lines.length;
  context.io.stderr(`ot: wrote ${output} (${calls} ${calls === 1 ? 'call' : 'calls'})\n`);
  return 0;
}
