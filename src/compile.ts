import type { Diagnostic } from './diagnostics/index.js';
import type { ProgramIR, TemplateIR } from './ir/ir.js';
import type { TemplateNode } from './syntax/ast.js';
import { generate, type GeneratedModule } from './codegen/generate.js';
import { lower } from './ir/lower.js';
import { sortAndCapDiagnostics } from './ir/sort-diagnostics.js';
import { plan } from './plan/plan.js';
import type { Plan } from './plan/plan-types.js';
import { createSourceFile } from './source/source-file.js';
import { parse } from './syntax/index.js';

/** What `compile` gives: each phase's product, and every diagnostic so far in source order. */
export interface CompileResult {
  ast: TemplateNode;
  ir: TemplateIR;
  program: ProgramIR;
  plan: Plan;
  diagnostics: Diagnostic[];
}

/**
 * The whole pipeline on one screen, one verb per phase (ARCHITECTURE.md §2). Never throws:
 * problems are diagnostics, and each phase keeps going so that all of them are reported at once.
 * What comes after is either `runProgram(program, …)` (src/runtime: interpret, OT4xxx) or
 * `generateModule(result)` below (src/codegen). `loadProgram` runs the same phases over a
 * template and every file it reaches through `include` and `flow()`.
 */
export function compile(source: string, path: string): CompileResult {
  const parsed = parse(source, { path }); // text → AST + syntax diagnostics (OT1xxx)
  const lowered = lower(parsed.ast, { path, source }); // AST → IR + semantic diagnostics (OT2xxx)
  const program: ProgramIR = {
    kind: 'program',
    entry: path,
    templates: { [path]: lowered.template },
  };
  const planned = plan(program); // IR → dependencies and parallel stages (OT3xxx)
  return {
    ast: parsed.ast,
    ir: lowered.template,
    program,
    plan: planned,
    diagnostics: sortAndCapDiagnostics(
      [...parsed.diagnostics, ...lowered.diagnostics, ...planned.diagnostics],
      path,
    ),
  };
}

/** The last phase for `ot compile`: the planned program as a standalone ES module. */
export function generateModule(result: CompileResult, source: string): GeneratedModule {
  const sources = { [result.program.entry]: createSourceFile(result.program.entry, source) };
  return generate(result.program, { sources, plan: result.plan });
}
