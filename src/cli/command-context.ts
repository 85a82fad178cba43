import type { CliIO } from './io.js';

/** What every command gets from `main`: where to write and how to set the exit code. */
export interface CommandContext {
  io: CliIO;
  /** 0 success, 1 a template or run error, 2 bad usage (ARCHITECTURE.md §4). */
  setExitCode: (code: number) => void;
}

/** Bad usage found by a command itself (e.g. a malformed `--input`): exit 2 with this message. */
export function reportUsageError(context: CommandContext, message: string): void {
  context.io.stderr(`ot: ${message}\n(run \`ot --help\` for usage)\n`);
  context.setExitCode(2);
}
