import { dirname, join } from 'node:path';
import type { Backend } from '../../backends/backend.js';
import { createDiagnostic } from '../../diagnostics/diagnostic.js';
import { isOtError, OtError } from '../../diagnostics/ot-error.js';
import type { ProgramIR, TemplateIR } from '../../ir/ir.js';
import type { BackendResolver } from '../../runtime/backend-resolver.js';
import { CallContext } from '../../runtime/call-context.js';
import { validateInputs } from '../../runtime/inputs.js';
import type { BuiltinCall, CallSite, RunServices } from '../../runtime/interpreter/exec-state.js';
import type { RunContext } from '../../runtime/run-context.js';
import type { RunResult } from '../../runtime/run-program.js';
import { templateBuiltins } from '../../runtime/template-builtins/index.js';
import { formatLocation } from '../../source/source-file.js';
import { compiledTemplateOf, type CompiledTemplate } from './compiled-template.js';
import { renderCompiled } from './render.js';

/** A compiled module's templates, keyed by path as in the program they were compiled from. */
export interface CompiledTemplates {
  entry: string;
  templates: Record<string, CompiledTemplate>;
}

/**
 * Runs a compiled module's entry template exactly as `runProgram` (src/runtime/run-program.ts)
 * runs an interpreted one — inputs checked before any call, calls through the registry, cache
 * and scheduler of `run`, `flow()` in the same run, a failing call failing the run once the
 * calls in flight have settled — with the generated code in place of the interpreter.
 */
export async function runCompiledProgram(
  compiled: CompiledTemplates,
  inputs: Record<string, unknown>,
  run: RunContext,
  resolveBackend: BackendResolver,
): Promise<RunResult> {
  const entry = compiled.templates[compiled.entry]!;
  const checked = validateInputs(entry.template, inputs);
  if (checked.diagnostics.length > 0) throw new OtError(checked.diagnostics);

  const tracked: Promise<unknown>[] = [];
  let failure: { error: unknown } | null = null;
  const fail = (error: unknown) => {
    failure ??= { error };
  };
  const program: ProgramIR = {
    kind: 'program',
    entry: compiled.entry,
    templates: Object.fromEntries(
      Object.entries(compiled.templates).map(([path, t]) => [path, t.template]),
    ),
  };

  const services: RunServices = {
    program,
    locate: (site) => locate(compiled, site),
    loadTemplate: (path, from, site) => findTemplate(compiled, path, from, site),
    track(work) {
      tracked.push(work);
      work.catch(fail);
    },
    callBuiltin(call) {
      if (failure) return Promise.reject(failure.error);
      return callBuiltin(call, compiled, run, services, resolveBackend);
    },
  };

  let result: RunResult | undefined;
  try {
    const rendered = await renderCompiled(entry, checked.values, services, run.sample);
    result = { ...rendered, result: resultOf(entry.template, rendered) };
  } catch (error) {
    fail(error);
  }
  for (let i = 0; i < tracked.length; i++) await tracked[i]!.catch(() => undefined);
  if (failure) throw (failure as { error: unknown }).error;
  return result!;
}

function resultOf(
  template: TemplateIR,
  rendered: { text: string; outputs: Record<string, unknown> },
): unknown {
  return template.meta.output === null ? rendered.text : rendered.outputs[template.meta.output];
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

async function callBuiltin(
  call: BuiltinCall,
  compiled: CompiledTemplates,
  run: RunContext,
  services: RunServices,
  resolveBackend: BackendResolver,
): Promise<unknown> {
  const location = services.locate(call.site);
  const owner = call.template.meta.backend
    ? call.template
    : compiled.templates[compiled.entry]!.template;
  const context = new CallContext(run, (): Backend =>
    resolveBackend(backendName(run, owner), owner),
  );
  try {
    return await templateBuiltins[call.builtin](call, {
      registry: run.registry,
      info: { sample: call.sample, location },
      callContext: () => context,
      runFlow: (flowCall, path, flowInputs) =>
        runFlow(flowCall, path, flowInputs, compiled, services),
    });
  } catch (error) {
    if (isOtError(error)) throw error;
    const cause = error instanceof Error ? error.message : String(error);
    const backendLabel =
      context.backendIfResolved?.name ?? run.backendName ?? owner.meta.backend ?? 'none';
    const diagnostic = createDiagnostic('OT4004', call.site.file, call.site.span, {
      builtin: call.builtin,
      backend: backendLabel,
      cause,
    });
    throw new OtError([diagnostic], { cause: error });
  }
}

function backendName(run: RunContext, template: TemplateIR): string {
  const name = run.backendName ?? template.meta.backend ?? run.registry.defaultBackend;
  if (!name) {
    throw new Error(
      'no backend: pass --backend, set `backend:` in the front matter, or set default_backend in ot.config.yaml',
    );
  }
  return name;
}

async function runFlow(
  call: BuiltinCall,
  path: string,
  inputs: Record<string, unknown>,
  compiled: CompiledTemplates,
  services: RunServices,
): Promise<unknown> {
  const template = call.resolved
    ? services.program.templates[call.resolved]!
    : services.loadTemplate(path, call.template, call.site);
  const target = compiledTemplateOf(template)!;
  const checked = validateInputs(template, inputs);
  if (checked.diagnostics.length > 0) throw new OtError(checked.diagnostics);
  const rendered = await renderCompiled(target, checked.values, services, call.sample);
  return resultOf(template, rendered);
}
