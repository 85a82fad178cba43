import type { TemplateIR } from '../../ir/ir.js';
import type { BackendResolver } from '../../runtime/backend-resolver.js';
import type { RunContext } from '../../runtime/run-context.js';
import type { RunResult } from '../../runtime/run-program.js';
import type { SourceFile } from '../../source/source-file.js';

/**
 * What `ot run`'s machinery runs: a program loaded from `.ot` files and interpreted, or a
 * compiled module. Everything else — flags, config, backends, session, cache, trace, `--inputs`,
 * `--dry-run`, comparison and output — is the same for both.
 */
export interface RunnableFlow {
  /**
   * The entry template: its path (the config is found upward from its directory, `fake:` paths
   * resolve against it) and front matter (`backend`, `output`). A compiled module's has no body.
   */
  entry: TemplateIR;
  /** The files' texts for code frames; a compiled module has none (frames come from disk if the files are there). */
  sources: Record<string, SourceFile>;
  /** Runs the flow once with `inputs` in `context`, finding backends with `resolveBackend`. */
  run(
    inputs: Record<string, unknown>,
    context: RunContext,
    resolveBackend: BackendResolver,
  ): Promise<RunResult>;
}
