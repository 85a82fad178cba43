import { dirname, join } from 'node:path';
import { createDiagnostic } from '../../diagnostics/diagnostic.js';
import { OtError } from '../../diagnostics/ot-error.js';
import type { ProgramIR, TemplateIR } from '../../ir/ir.js';
import type { BackendResolver } from '../../runtime/backend-resolver.js';
import type { CallSite } from '../../runtime/interpreter/exec-state.js';
import type { RunContext } from '../../runtime/run-context.js';
import { runProgram, type RunResult } from '../../runtime/run-program.js';
import { formatLocation } from '../../source/source-file.js';
import { compiledTemplateOf, type CompiledTemplate } from './compiled-template.js';
import { renderCompiled } from './render.js';

/** A compiled module's templates, keyed by path as in the program they were compiled from. */
export interface CompiledTemplates {
  entry: string;
  templates: Record<string, CompiledTemplate>;
}

/**
 * Runs a compiled module's entry template with `runProgram` (src/runtime/run-program.ts), the
 * interpreter's own run — inputs checked before any call, calls through the registry, cache and
 * scheduler of `run`, `flow()` in the same run, failures — with the generated code as renderer.
 */
export function runCompiledProgram(
  compiled: CompiledTemplates,
  inputs: Record<string, unknown>,
  run: RunContext,
  resolveBackend: BackendResolver,
  locateFile?: (path: string) => string,
): Promise<RunResult> {
  return runProgram(programOf(compiled), inputs, run, {
    ...(locateFile ? { locateFile } : {}),
    locate: (site) => locate(compiled, site),
    loadTemplate: (path, from, site) => findTemplate(compiled, path, from, site),
    resolveBackend,
    render: (template, templateInputs, services, sample) =>
      renderCompiled(compiledTemplateOf(template)!, templateInputs, services, sample),
  });
}

/** The program a module was compiled from, rebuilt from its templates' IR. */
export function programOf(compiled: CompiledTemplates): ProgramIR {
  return {
    kind: 'program',
    entry: compiled.entry,
    templates: Object.fromEntries(
      Object.entries(compiled.templates).map(([path, t]) => [path, t.template]),
    ),
  };
}

function locate(compiled: CompiledTemplates, site: CallSite): string {
  const file = compiled.templates[site.file]?.source;
  return file ? formatLocation(file, site.span.start) : site.file;
}

/** A template named at run time: only those compiled into the module exist (OT2013 otherwise, as for a missing file). */
export function findTemplate(
  compiled: CompiledTemplates,
  path: string,
  from: TemplateIR,
  site: CallSite,
): TemplateIR {
  const target = join(dirname(from.path), path);
  const found = compiled.templates[target];
  if (found) return found.template;
  throw new OtError([
    createDiagnostic('OT2013', site.file, site.span, {
      path,
      reason: 'it was not compiled into this module',
    }),
  ]);
}
