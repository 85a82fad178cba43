import type { Diagnostic } from '../../diagnostics/index.js';
import { hasErrors } from '../../diagnostics/index.js';
import type { SourceFile } from '../../source/source-file.js';
import { loadProgram } from '../../ir/load-program.js';
import type { CommandContext } from '../command-context.js';
import { formatCheckReport } from '../check-report.js';

/**
 * Loads each file with its includes and flows, prints every diagnostic once (a file reached
 * from two roots is reported once) with a code frame, then a summary line. Exit code 1 when
 * there is any error.
 */
export function checkFiles(files: readonly string[], context: CommandContext): number {
  const sources: Record<string, SourceFile> = {};
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const loaded = loadProgram(file);
    Object.assign(sources, loaded.sources);
    for (const diagnostic of loaded.diagnostics) {
      const key = `${diagnostic.file}\0${diagnostic.span.start}\0${diagnostic.span.end}\0${diagnostic.code}\0${diagnostic.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      diagnostics.push(diagnostic);
    }
  }
  context.io.stderr(formatCheckReport(diagnostics, sources, context.io.stderrColor));
  return hasErrors(diagnostics) ? 1 : 0;
}
