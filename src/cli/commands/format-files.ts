import { readFileSync, writeFileSync } from 'node:fs';
import { assertNever } from '../../assert-never.js';
import { printDiagnostics } from '../../diagnostics/index.js';
import { formatFile } from '../../format/format-file.js';
import { createSourceFile } from '../../source/source-file.js';
import type { CommandContext } from '../command-context.js';

/**
 * Formats each file in place (printing the names of the files it changed), or with `check`
 * lists the files that are not formatted. A file with syntax errors is left as it is and its
 * diagnostics are printed with code frames. Exit code 1 when any file failed or, with `check`,
 * is not formatted.
 */
export async function formatFiles(
  files: readonly string[],
  check: boolean,
  context: CommandContext,
): Promise<number> {
  const { io } = context;
  let failed = false;
  let unformatted = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      io.stderr(`ot fmt: cannot read ${file}: ${describe(error)}\n`);
      failed = true;
      continue;
    }
    let result: Awaited<ReturnType<typeof formatFile>>;
    try {
      result = await formatFile(file, text);
    } catch (error) {
      // A broken prettier config, a plugin that fails to load, …
      io.stderr(`ot fmt: ${file}: ${describe(error)}\n`);
      failed = true;
      continue;
    }
    switch (result.status) {
      case 'syntax-error': {
        const source = createSourceFile(file, text);
        const lookup = (path: string) => (path === file ? source : undefined);
        io.stderr(`${printDiagnostics(result.diagnostics, lookup, { color: io.stderrColor })}\n\n`);
        io.stderr(`ot fmt: ${file} has syntax errors; it was not formatted\n`);
        failed = true;
        break;
      }
      case 'mixed-line-endings':
        io.stderr(
          `ot fmt: ${file} mixes line endings (\\n and \\r\\n); they are part of the prompt text and prettier would unify them, so it was not formatted\n`,
        );
        failed = true;
        break;
      case 'changes-template':
        io.stderr(
          `ot fmt: ${file}: not formatted: the result would not parse to the same template (this is a bug in the formatter; please report it)\n`,
        );
        failed = true;
        break;
      case 'formatted':
        if (result.output === text) break;
        if (check) {
          io.stdout(`${file}\n`);
          unformatted++;
        } else {
          writeFileSync(file, result.output);
          io.stdout(`${file}\n`);
        }
        break;
      default:
        assertNever(result);
    }
  }
  if (check && unformatted > 0) {
    io.stderr(
      `${unformatted} ${unformatted === 1 ? 'file is' : 'files are'} not formatted; run \`ot fmt\` without --check to format them\n`,
    );
  }
  return failed || unformatted > 0 ? 1 : 0;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
