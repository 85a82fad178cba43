import type { Diagnostic, InputSpec, Plan } from 'ot-lang/tools';

/**
 * Messages between the server and its program worker, which loads programs (a document with its
 * includes and `flow()` files), checks them and plans them away from the thread that answers
 * the editor: on a large file these take hundreds of milliseconds, planning even seconds.
 */

/** What the worker is asked to do with a document's program. */
export type ProgramOperation = 'check' | 'plan' | 'printText' | 'printMermaid';

/** A job: one operation on the program rooted at `path`, whose text is `text`. */
export interface ProgramJob {
  id: number;
  operation: ProgramOperation;
  path: string;
  text: string;
  /** The editor's buffers of other open files, read instead of the disk. */
  files: Record<string, string>;
  /** Counts the changes of files on disk: a program loaded before the latest one is stale. */
  generation: number;
}

/** The outcome of `check`. */
export interface CheckResult {
  diagnostics: Diagnostic[];
  /** The paths of every file the program reached. */
  files: string[];
  description: string | null;
  inputs: Record<string, InputSpec>;
}

/** What the worker answers. */
export type ProgramReply =
  | { id: number; ok: true; operation: 'check'; result: CheckResult }
  | { id: number; ok: true; operation: 'plan'; result: Plan }
  | { id: number; ok: true; operation: 'printText' | 'printMermaid'; result: string }
  | { id: number; ok: false; error: string };
