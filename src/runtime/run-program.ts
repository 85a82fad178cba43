import type { Backend } from '../backends/backend.js';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import { isOtError, OtError } from '../diagnostics/ot-error.js';
import type { ProgramIR, TemplateIR } from '../ir/ir.js';
import { enterTemplate, type ActiveTemplate } from './active-templates.js';
import { CallError } from './call-error.js';
import { CallContext } from './call-context.js';
import { validateInputs } from './inputs.js';
import type { BuiltinCall, CallSite, RunServices } from './interpreter/exec-state.js';
import { interpret, type RenderResult } from './interpreter/interpret.js';
import type { RunContext } from './run-context.js';
import { templateBuiltins } from './template-builtins/index.js';

/** A run's result (LANGUAGE.md §9): the text, the bound names, and the result value. */
export interface RunResult {
  text: string;
  outputs: Record<string, unknown>;
  /** `outputs[output]` when the front matter names an `output`, else the text. */
  result: unknown;
}

/** How the program's files are found and located for one run. */
export interface ProgramHooks {
  /** `file:line:col` of a call site. */
  locate(site: CallSite): string;
  /** A template reached only at run time (a computed `include` or `flow` path). */
  loadTemplate(
    path: string,
    from: TemplateIR,
    site: CallSite,
    kind: 'include' | 'flow',
  ): TemplateIR;
  /** See RunServices.locateFile. */
  locateFile?(path: string): string;
  /** Finds a backend by name for a template (`fake:PATH` specs are relative to it). */
  resolveBackend(name: string, template: TemplateIR): Backend;
  /**
   * Renders one template of the program (the entry, or a `flow()` target): the interpreter by
   * default; a compiled module passes its generated code, and everything else stays the same.
   */
  render?(
    template: TemplateIR,
    inputs: Record<string, unknown>,
    services: RunServices,
    sample: string,
  ): Promise<RenderResult>;
}

/** The interpreter, as the default renderer of `ProgramHooks.render`. */
function interpretTemplate(
  template: TemplateIR,
  inputs: Record<string, unknown>,
  services: RunServices,
  sample: string,
): Promise<RenderResult> {
  return interpret(template, inputs, services, { sample });
}

/**
 * Runs a program's entry template: inputs checked first (no call is made on a bad input), then
 * the template interpreted with its calls going through the registry, cache and scheduler of
 * `run`. A failing call fails the run; calls already in flight finish (and are cached) first,
 * and no new call starts.
 */
export async function runProgram(
  program: ProgramIR,
  inputs: Record<string, unknown>,
  run: RunContext,
  hooks: ProgramHooks,
): Promise<RunResult> {
  const entry = program.templates[program.entry]!;
  const checked = validateInputs(entry, inputs);
  if (checked.diagnostics.length > 0) throw new OtError(checked.diagnostics);

  const tracked: Promise<unknown>[] = [];
  let failure: { error: unknown } | null = null;
  const fail = (error: unknown) => {
    failure ??= { error };
  };

  // One services object per chain of active templates, so that a flow() knows where it is called.
  const servicesFor = (active: readonly ActiveTemplate[]): RunServices => {
    const services: RunServices = {
      program,
      active,
      locate: (site) => hooks.locate(site),
      loadTemplate: (path, from, site, kind) => hooks.loadTemplate(path, from, site, kind),
      ...(hooks.locateFile ? { locateFile: hooks.locateFile } : {}),
      track(work) {
        tracked.push(work);
        work.catch(fail);
      },
      callBuiltin(call) {
        if (failure) return Promise.reject(failure.error);
        return callBuiltin(call, run, services, hooks);
      },
      withActive: servicesFor,
    };
    return services;
  };
  // The entry's walk has its place in the session's source order, open while it runs.
  const order = run.session.order.root.open();
  const services = { ...servicesFor([{ kind: 'entry', path: entry.path }]), order };

  let result: RunResult | undefined;
  try {
    const rendering = (hooks.render ?? interpretTemplate)(
      entry,
      checked.values,
      services,
      run.sample,
    );
    // The walk is synchronous: what it defers has its own places, opened as it went.
    order.close();
    const rendered = await rendering;
    result = { ...rendered, result: resultOf(entry, rendered) };
  } catch (error) {
    order.close();
    fail(error);
  }
  // Everything started must settle before the run ends: its results are cached as they come.
  // Work started while waiting joins the list, so wait in rounds until a round adds nothing.
  for (let done = 0; done < tracked.length;) {
    const round = tracked.slice(done);
    done = tracked.length;
    await Promise.allSettled(round);
  }
  if (failure) throw (failure as { error: unknown }).error;
  return result!;
}

function resultOf(
  template: TemplateIR,
  rendered: { text: string; outputs: Record<string, unknown> },
): unknown {
  return template.meta.output === null ? rendered.text : rendered.outputs[template.meta.output];
}

async function callBuiltin(
  call: BuiltinCall,
  run: RunContext,
  services: RunServices,
  hooks: ProgramHooks,
): Promise<unknown> {
  const location = services.locate(call.site);
  // A file without its own `backend:` (a `flow()` library) runs on the entry file's backend.
  const owner = call.template.meta.backend
    ? call.template
    : services.program.templates[services.program.entry]!;
  const context = new CallContext(run, () => hooks.resolveBackend(backendName(run, owner), owner));
  try {
    return await templateBuiltins[call.builtin](call, {
      registry: run.registry,
      info: { sample: call.sample, location, order: call.order },
      callContext: () => context,
      runFlow: (flowCall, path, flowInputs) => runFlow(flowCall, path, flowInputs, services, hooks),
    });
  } catch (error) {
    if (isOtError(error)) throw error;
    const backendLabel =
      context.backendIfResolved?.name ?? run.backendName ?? owner.meta.backend ?? 'none';
    throw new CallError({
      builtin: call.builtin,
      backend: backendLabel,
      site: { file: call.site.file, span: call.site.span, location },
      cause: error,
    });
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
  services: RunServices,
  hooks: ProgramHooks,
): Promise<unknown> {
  const template = call.resolved
    ? services.program.templates[call.resolved]!
    : hooks.loadTemplate(path, call.template, call.site, 'flow');
  // The sub-flow's calls stand where the `flow()` call does.
  const inner = { ...enterTemplate(services, 'flow', template, call.site), order: call.order };
  const checked = validateInputs(template, inputs);
  if (checked.diagnostics.length > 0) throw new OtError(checked.diagnostics);
  const rendered = await (hooks.render ?? interpretTemplate)(
    template,
    checked.values,
    inner,
    call.sample,
  );
  return resultOf(template, rendered);
}
