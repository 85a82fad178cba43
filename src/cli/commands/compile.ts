import type { Command } from 'commander';
import type { CommandContext } from '../command-context.js';
import type { CompileFlags } from './compile-flow.js';

/** `ot compile FILE [-o OUT.mjs] [--bundle [--no-minify]]`: a standalone ES module (ARCHITECTURE.md §4). */
export function registerCompileCommand(program: Command, context: CommandContext): void {
  program
    .command('compile')
    .description(
      'compile a flow to an ES module that exports run() and plan, and runs like `ot run` with node',
    )
    .argument('<file>', 'the .ot file')
    .option('-o, --output <file.mjs>', 'where to write the module (default: the flow with .mjs)')
    .option('--bundle', 'include the runtime: the module then imports only Node modules')
    .option(
      '--no-minify',
      'with --bundle: keep the bundled runtime readable (about twice the size)',
    )
    .action(async (file: string, options: CompileFlags) => {
      // The code generator and esbuild are loaded only when the command runs.
      const { compileCommand } = await import('./compile-flow.js');
      context.setExitCode(await compileCommand(file, options, context));
    });
}
