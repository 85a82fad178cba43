import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TemplateIR } from '../../ir/ir.js';
import { runCompiledCommand } from '../../cli/run/compiled-command.js';
import { runFlowOnce, type FlowRunOptions } from '../../cli/run/run-once.js';
import type { RunnableFlow } from '../../cli/run/runnable-flow.js';
import { OtError } from '../../diagnostics/ot-error.js';
import { validateInputs } from '../../runtime/inputs.js';
import type { RunServices } from '../../runtime/interpreter/exec-state.js';
import type { RunResult } from '../../runtime/run-program.js';
import type { SourceFile } from '../../source/source-file.js';
import type { CompiledTemplate } from './compiled-template.js';
import { renderCompiledSync } from './render.js';
import {
  findTemplate,
  programOf,
  runCompiledProgram,
  type CompiledTemplates,
} from './run-compiled.js';

/** A compiled module's program: run it from code or as a command. */
export interface CompiledProgram {
  /** The entry template's path (as it was given to `ot compile`). */
  readonly entry: string;
  /** Runs the flow once, with options named like `ot run`'s flags. */
  run(inputs?: Record<string, unknown>, options?: FlowRunOptions): Promise<RunResult>;
  /** Runs as `ot run` would with these command-line flags (no file argument); resolves to the exit code. */
  main(argv: readonly string[]): Promise<number>;
  /**
   * Renders a flow that makes no model call, synchronously (inputs checked and defaulted first);
   * throws if it reaches a call.
   */
  renderText(inputs?: Record<string, unknown>): string;
  /** The program as `ot run`'s machinery sees it. */
  readonly flow: RunnableFlow;
  /** The compiled templates by path. */
  readonly templates: CompiledTemplates;
}

/**
 * Assembles a compiled module's templates into a program (called by generated code). `root` is
 * the directory the templates' relative paths start from (the working directory of
 * `ot compile`, as a URL relative to the module): the config and `fake:` files are then found
 * next to the flow whatever the working directory of the run; without it, relative to that.
 */
export function defineProgram(
  entry: string,
  templates: readonly CompiledTemplate[],
  root?: URL,
): CompiledProgram {
  const compiled: CompiledTemplates = {
    entry,
    templates: Object.fromEntries(templates.map((t) => [t.template.path, t])),
  };
  const entryTemplate = compiled.templates[entry];
  if (!entryTemplate) throw new Error(`compiled module: no template ${JSON.stringify(entry)}`);
  const sources: Record<string, SourceFile> = Object.fromEntries(
    templates.map((t) => [t.template.path, t.source]),
  );
  // Messages and traces keep the paths as compiled; only finding files uses the located ones.
  const locateFile = root
    ? (path: string) => resolve(fileURLToPath(root), path)
    : (path: string) => path;
  const located = (template: TemplateIR): TemplateIR =>
    root ? { ...template, path: locateFile(template.path) } : template;
  const flow: RunnableFlow = {
    entry: located(entryTemplate.template),
    sources,
    run: (inputs, context, resolveBackend) =>
      runCompiledProgram(
        compiled,
        inputs,
        context,
        (name, template) => resolveBackend(name, located(template)),
        locateFile,
      ),
  };
  return {
    entry,
    flow,
    templates: compiled,
    run: (inputs = {}, options = {}) => runFlowOnce(flow, inputs, options),
    main: (argv) => runCompiledCommand(flow, argv),
    renderText: (inputs = {}) => {
      const checked = validateInputs(entryTemplate.template, inputs);
      if (checked.diagnostics.length > 0) throw new OtError(checked.diagnostics);
      return renderCompiledSync(entryTemplate, checked.values, callFreeServices(compiled));
    },
  };
}

/** Run services for rendering without a run: any call is refused. */
function callFreeServices(compiled: CompiledTemplates): RunServices {
  return {
    program: programOf(compiled),
    locate: (site) => site.file,
    loadTemplate: (path, from, site) => findTemplate(compiled, path, from, site),
    track: () => undefined,
    callBuiltin: () =>
      Promise.reject(new Error('renderText: the flow makes model calls; use run()')),
  };
}
