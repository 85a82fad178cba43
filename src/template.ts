import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { createDiagnostic, hasErrors } from './diagnostics/diagnostic.js';
import { OtError } from './diagnostics/ot-error.js';
import type { ProgramIR, TemplateIR } from './ir/ir.js';
import { loadProgram } from './ir/load-program.js';
import { directoryAccess, describeRoots, outsideRoots } from './ir/path-access.js';
import { resolveTemplatePath } from './ir/resolve-path.js';
import { projectAccess } from './config/project-access.js';
import { formatLocation, type SourceFile } from './source/source-file.js';
import { Executable } from './runtime/api/executable.js';
import { createBackendResolver, type BackendResolver } from './runtime/backend-resolver.js';
import type { CallSite } from './runtime/interpreter/exec-state.js';
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
  return {
    locate(site: CallSite) {
      const file = sources[site.file];
      return file ? formatLocation(file, site.span.start) : site.file;
    },
    loadTemplate(path: string, from: TemplateIR, site: CallSite, kind: 'include' | 'flow') {
      // Computed paths only reach here: data must not choose a file unless the config says so,
      // and never one outside the project's roots.
      const access = program.access ?? directoryAccess(dirname(program.entry));
      const refuse = (reason: string): never => {
        const what = kind === 'include' ? 'include' : 'flow()';
        throw new OtError([
          createDiagnostic('OT4016', site.file, site.span, { what, path, reason }),
        ]);
      };
      if (!access.allowDynamicPaths) {
        refuse(
          'a computed path may choose a file only when ot.config.yaml sets `allow_dynamic_paths: true`',
        );
      }
      const target = resolveTemplatePath(from.path, path);
      const outside = outsideRoots(target, access);
      if (outside !== null) refuse(`\`${outside}\` is outside ${describeRoots(access)}`);
      const known = program.templates[target];
      if (known) return known;
      let loaded: ReturnType<typeof loadProgram>;
      try {
        readFileSync(target);
        loaded = loadProgram(target, { access });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new OtError([createDiagnostic('OT2013', site.file, site.span, { path, reason })]);
      }
      if (hasErrors(loaded.diagnostics)) throw new OtError(loaded.diagnostics);
      Object.assign(program.templates, loaded.program.templates);
      Object.assign(sources, loaded.sources);
      return loaded.program.templates[loaded.program.entry]!;
    },
    resolveBackend,
  };
}
