import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createDiagnostic, hasErrors } from './diagnostics/diagnostic.js';
import { OtError } from './diagnostics/ot-error.js';
import type { ProgramIR, TemplateIR } from './ir/ir.js';
import type { LoadedProgram } from './ir/load-program.js';
import { describeRoots, directoryAccess, outsideRoots, type PathAccess } from './ir/path-access.js';
import { resolveTemplatePath } from './ir/resolve-path.js';
import type { BackendResolver } from './runtime/backend-resolver.js';
import type { CallSite } from './runtime/interpreter/exec-state.js';
import type { ProgramHooks } from './runtime/run-program.js';
import { formatLocation, type SourceFile } from './source/source-file.js';

/**
 * Loads a template reached only at run time: `loadProgram`, passed in so that a caller chooses
 * when to import the parser (`ot run` does not, for a program from the flow cache).
 */
export type LoadAtRunTime = (path: string, options: { access: PathAccess }) => LoadedProgram;

/**
 * What a run needs to find files, locations and backends for this program; `load` is called
 * only for a computed path the config allows (`allow_dynamic_paths`).
 */
export function createProgramHooks(
  program: ProgramIR,
  sources: Record<string, SourceFile>,
  resolveBackend: BackendResolver,
  load: LoadAtRunTime,
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
      let loaded: LoadedProgram;
      try {
        readFileSync(target);
        loaded = load(target, { access });
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
