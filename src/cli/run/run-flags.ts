import type { Command } from 'commander';
import { addInputOptions, collect } from '../inputs.js';

/** The flags of `ot run` (and of a compiled module run directly) after commander has read them. */
export interface RunFlags {
  inputs?: string;
  backend: string[];
  config?: string;
  cache?: string;
  trace?: string;
  json?: boolean;
  concurrency?: string;
  dryRun?: boolean;
  /** `--summary` / `--no-summary`; undefined: a summary when stderr is a terminal. */
  summary?: boolean;
  /** `--stream` / `--no-stream`; undefined: streamed when stderr is a terminal (single runs). */
  stream?: boolean;
}

/** The flags with the repeatable input flags, as commander gives them. */
export type RunFlagsWithInputs = RunFlags & { input?: string[]; inputJson?: string[] };

/**
 * Adds `ot run`'s options to a command (ARCHITECTURE.md §4): the input flags, `--inputs`,
 * `--backend`, `--config`, `--cache`, `--trace`, `--json`, `--concurrency`, `--dry-run`.
 */
export function addRunOptions(command: Command): Command {
  return addInputOptions(command)
    .option('--inputs <data.jsonl>', 'one run per JSON line; results as JSON lines')
    .option(
      '--backend <name>',
      'a backend of ot.config.yaml or fake:PATH (repeat to compare backends)',
      collect,
      [],
    )
    .option(
      '--config <path>',
      'the config file (default: ot.config.yaml found upward from the flow)',
    )
    .option('--cache <dir|redis://…|off>', 'where calls are cached (default: .ot-cache/)')
    .option('--trace <path>', 'write one JSON line per call sample')
    .option('--json', 'print {"text", "outputs"} as JSON')
    .option('--concurrency <n>', 'most calls in flight at once')
    .option('--dry-run', "print each call's prompt and cache status without calling a backend")
    .option(
      '--summary',
      'end with calls, tokens and cost on stderr (default: when stderr is a terminal)',
    )
    .option('--no-summary', 'no closing summary of a single run')
    .option(
      '--stream',
      "show each call's reply on stderr as it is generated (default: when stderr is a terminal)",
    )
    .option('--no-stream', 'never stream replies');
}

/** A usage error in the flags (exit 2), or null. */
export function checkRunFlags(flags: RunFlags): string | null {
  if (flags.concurrency !== undefined && !/^[1-9]\d*$/.test(String(flags.concurrency))) {
    return `--concurrency expects a positive integer, got ${JSON.stringify(flags.concurrency)}`;
  }
  return null;
}
