import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { bundleModule } from '../../codegen/bundle.js';
import { generate } from '../../codegen/generate.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { printDiagnostics } from '../../diagnostics/printer.js';
import { loadProgram } from '../../ir/load-program.js';
import type { CommandContext } from '../command-context.js';
import { outputPathProblem } from '../output-path.js';

/** Options of `ot compile`. */
export interface CompileFlags {
  output?: string;
  bundle?: boolean;
}

/** `ot compile FILE [-o OUT.mjs] [--bundle]`: a standalone ES module (ARCHITECTURE.md §4). */
export function registerCompileCommand(program: Command, context: CommandContext): void {
  program
    .command('compile')
    .description(
      'compile a flow to an ES module that exports run() and plan, and runs like `ot run` with node',
    )
    .argument('<file>', 'the .ot file')
    .option('-o, --output <file.mjs>', 'where to write the module (default: the flow with .mjs)')
    .option('--bundle', 'include the runtime: the module then imports only Node modules')
    .action(async (file: string, options: CompileFlags) => {
      context.setExitCode(await compileCommand(file, options, context));
    });
}

/**
 * Loads the flow (diagnostics on stderr; errors stop it), generates the module — bundled with
 * the runtime when asked — and writes it.
 */
export async function compileCommand(
  file: string,
  flags: CompileFlags,
  context: CommandContext,
): Promise<number> {
  // A bad `-o` is bad usage, said before the work (and not after a long bundle).
  const outputProblem = flags.output ? outputPathProblem(flags.output) : null;
  if (outputProblem) {
    context.io.stderr(`ot: -o ${flags.output}: cannot write there: ${outputProblem}\n`);
    return 2;
  }
  const loaded = loadProgram(file);
  const lookup = (path: string) => loaded.sources[path];
  if (loaded.diagnostics.length > 0) {
    context.io.stderr(
      `${printDiagnostics(loaded.diagnostics, lookup, { color: context.io.stderrColor })}\n`,
    );
  }
  if (hasErrors(loaded.diagnostics)) return 1;
  const generated = generate(loaded.program, { sources: loaded.sources });
  if (generated.diagnostics.length > 0) {
    context.io.stderr(
      `${printDiagnostics(generated.diagnostics, lookup, { color: context.io.stderrColor })}\n`,
    );
  }
  const code = flags.bundle
    ? (await bundleModule(generated.code, { filename: file })).code
    : generated.code;
  const output = flags.output ?? `${file.replace(/\.ot$/, '')}.mjs`;
  writeFileSync(output, code);
  context.io.stderr(
    `ot: wrote ${output} (${Math.round(code.length / 1024)} KB${flags.bundle ? ', bundled' : ''})\n`,
  );
  return 0;
}
