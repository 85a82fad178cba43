import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import type { CommandContext } from './command-context.js';
import { registerCheckCommand } from './commands/check.js';
import { registerRunCommand } from './commands/run.js';
import { registerPlanCommand } from './commands/plan.js';
import { registerCompileCommand } from './commands/compile.js';
import { registerLspCommand } from './commands/lsp.js';
import { registerFmtCommand } from './commands/fmt.js';
import { registerReportCommand } from './commands/report.js';
import { registerEvalCommand } from './commands/eval.js';
import { registerWorkerCommand } from './commands/worker.js';
import { processIO, type CliIO } from './io.js';

/** The `ot` command: parses `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  return runCli(argv, processIO());
}

/** `main` against any output streams; never throws and never calls `process.exit`. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let exitCode = 0;
  const context: CommandContext = { io, setExitCode: (code) => (exitCode = code) };
  const program = createProgram(context);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version end "successfully"; every other commander error is bad usage.
      return error.exitCode === 0 ? 0 : 2;
    }
    const verbose = argv.includes('--verbose');
    const detail =
      verbose && error instanceof Error ? (error.stack ?? error.message) : describe(error);
    io.stderr(
      `ot: internal error: ${detail}\n${verbose ? '' : '(run with --verbose for the stack trace)\n'}`,
    );
    return 1;
  }
}

function createProgram(context: CommandContext): Command {
  const program = new Command('ot')
    .description(
      'Prompt flows as templates with model calls: check, run, plan and compile .ot files.',
    )
    .version(packageVersion(), '-V, --version')
    .option('--verbose', 'show stack traces of internal errors')
    .showHelpAfterError('(run `ot --help` for usage)')
    .configureOutput({
      writeOut: (text) => context.io.stdout(text),
      writeErr: (text) => context.io.stderr(text),
    })
    .exitOverride();

  // Commands are added after the settings above: commander copies them into each subcommand
  // when it is created, so subcommands' usage errors also come back to runCli.
  registerCheckCommand(program, context);
  registerRunCommand(program, context);
  registerPlanCommand(program, context);
  registerCompileCommand(program, context);
  registerLspCommand(program, context);
  registerFmtCommand(program, context);
  registerReportCommand(program, context);
  registerEvalCommand(program, context);
  registerWorkerCommand(program, context);
  return program;
}

function packageVersion(): string {
  // dist/cli/main.js and src/cli/main.ts are both two levels below the package root.
  const require = createRequire(import.meta.url);
  return (require('../../package.json') as { version: string }).version;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
