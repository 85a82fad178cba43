import type { Diagnostic } from './diagnostics/diagnostic.js';
import { hasErrors } from './diagnostics/diagnostic.js';
import { OtError } from './diagnostics/ot-error.js';
import type { ProgramIR, TemplateIR } from './ir/ir.js';
import { loadProgram } from './ir/load-program.js';
import { projectAccess } from './config/project-access.js';
import { createProgramHooks } from './program-hooks.js';
import type { SourceFile } from './source/source-file.js';
import { Executable } from './runtime/api/executable.js';
import { createBackendResolver, type BackendResolver } from './runtime/backend-resolver.js';
import { runProgram, type ProgramHooks, type RunResult } from './runtime/run-program.js';
import type { OtConfig } from './config/config-types.js';

/** Options of `template` and `loadTemplate`. */
export interface TemplateOptions {
  /**
   * The file the source comes from: includes and `flow()` paths resolve against it, and without
   * a config its directory (else the working directory) is the only one they may read.
   */
  path?: string;
  /**
   * `ot.config.yaml`, for backends named there (the CLI passes the one it found); its directory
   * and `include_roots` are where includes and flows may read, `allow_dynamic_paths` whether
   * a computed path may choose the file.
   */
  config?: OtConfig | null;
}

/** A parsed, checked `.ot` file: `run(inputs)` gives an executable of `{ text, outputs }`. */
export class Template {
  /** Warnings found while checking (errors make `template()` throw instead). */
  readonly diagnostics: readonly Diagnostic[];

  constructor(
    readonly program: ProgramIR,
    readonly sources: Record<string, SourceFile>,
    diagnostics: readonly Diagnostic[],
    private readonly config: OtConfig | null,
  ) {
    this.diagnostics = diagnostics;
  }

  /** The root file's path. */
  get path(): string {
    return this.program.entry;
  }

  /** The front matter of the root file. */
  get meta(): TemplateIR['meta'] {
    return this.program.templates[this.program.entry]!.meta;
  }

  /** An executable that renders the template with `inputs`, making its calls in the run it executes in. */
  run(inputs: Record<string, unknown> = {}): Executable<RunResult> {
    return new Executable((context) => {
      const hooks = programHooks(
        this.program,
        this.sources,
        createBackendResolver(context.registry, this.config),
      );
      return runProgram(this.program, inputs, context, hooks);
    });
  }
}

/** Compiles a template from source text; throws an OtError carrying every error found. */
export function template(source: string, options: TemplateOptions = {}): Template {
  const path = options.path ?? 'template.ot';
  const access = projectAccess(path, options.config ?? null);
  return build(loadProgram(path, { source, access }), options.config ?? null);
}

/** Reads and compiles a `.ot` file; throws an OtError carrying every error found. */
export function loadTemplate(path: string, options: Omit<TemplateOptions, 'path'> = {}): Template {
  const access = projectAccess(path, options.config ?? null);
  return build(loadProgram(path, { access }), options.config ?? null);
}

function build(
  loaded: { program: ProgramIR; diagnostics: Diagnostic[]; sources: Record<string, SourceFile> },
  config: OtConfig | null,
): Template {
  if (hasErrors(loaded.diagnostics)) throw new OtError(loaded.diagnostics);
  return new Template(loaded.program, loaded.sources, loaded.diagnostics, config);
}

/** What a run needs to find files, locations and backends for this program. */
export function programHooks(
  program: ProgramIR,
  sources: Record<string, SourceFile>,
  resolveBackend: BackendResolver,
): ProgramHooks {
  return createProgramHooks(program, sources, resolveBackend, loadProgram);
}
