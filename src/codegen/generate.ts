import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ProgramIR } from '../ir/ir.js';
import { forEachNode } from '../ir/walk-ir.js';
import { plan as planProgram } from '../plan/plan.js';
import type { Plan } from '../plan/plan-types.js';
import type { SourceFile } from '../source/source-file.js';
import { emitModule } from './emit/module.js';

/** Options of `generate`. */
export interface GenerateOptions {
  /** The program's files (from `loadProgram`): their text is embedded for locations and code frames. */
  sources: Readonly<Record<string, SourceFile>>;
  /** The plan to embed (default: computed here). */
  plan?: Plan;
  /** Where the generated module imports the runtime from (default `ot-lang/runtime`). */
  runtimeImport?: string;
  /**
   * The directory the program's relative paths start from, as a path relative to the module's
   * own directory (`ot compile` passes its working directory relative to the output). The module
   * then finds `fake:` files and `ot.config.yaml` next to the flow wherever it is run from.
   * Without it they are resolved against the working directory at run time.
   */
  sourceRoot?: string;
}

/** A generated module and what the generator could not carry over. */
export interface GeneratedModule {
  /** The ES module's source. */
  code: string;
  /** Warnings: a computed `include` or `flow()` path can only name a file compiled into the module. */
  diagnostics: Diagnostic[];
}

/**
 * IR → a standalone ES module (ARCHITECTURE.md §4): one function per template, expressions as
 * JavaScript over the runtime's shared helpers, the plan embedded as data. It exports
 * `run(inputs, options)`, `plan` and `program`, and run directly it behaves as `ot run`.
 */
export function generate(program: ProgramIR, options: GenerateOptions): GeneratedModule {
  const plan = options.plan ?? planProgram(program);
  const emitted = emitModule(program, {
    sources: options.sources,
    plan,
    runtimeImport: options.runtimeImport ?? 'ot-lang/runtime',
    ...(options.sourceRoot !== undefined ? { sourceRoot: options.sourceRoot } : {}),
  });
  return { code: emitted.code, diagnostics: [...emitted.diagnostics, ...computedPaths(program)] };
}

function computedPaths(program: ProgramIR): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const template of Object.values(program.templates)) {
    forEachNode(template.body, {
      stmt: (stmt) => {
        if (stmt.kind === 'include' && stmt.resolved === null) {
          diagnostics.push(
            createDiagnostic('OT3004', template.path, stmt.span, { what: '`include`' }),
          );
        }
      },
      expr: (expr) => {
        if (expr.kind === 'builtinCall' && expr.name === 'flow' && expr.resolved === null) {
          diagnostics.push(
            createDiagnostic('OT3004', template.path, expr.span, { what: '`flow()`' }),
          );
        }
      },
    });
  }
  return diagnostics;
}
