import type { Diagnostic } from './diagnostics/index.js';
import type { TemplateIR } from './ir/ir.js';
import type { TemplateNode } from './syntax/ast.js';
import { lower } from './ir/lower.js';
import { sortDiagnostics } from './ir/sort-diagnostics.js';
import { parse } from './syntax/index.js';

/** What `compile` gives: each phase's product, and every diagnostic so far in source order. */
export interface CompileResult {
  ast: TemplateNode;
  ir: TemplateIR;
  diagnostics: Diagnostic[];
}

/**
 * The whole pipeline on one screen, one verb per phase (ARCHITECTURE.md §2). Never throws:
 * problems are diagnostics, and each phase keeps going so that all of them are reported at once.
 * (`loadProgram` runs the same first two phases over a template and the files it reaches.)
 */
export function compile(source: string, path: string): CompileResult {
  const parsed = parse(source, { path }); // text → AST + syntax diagnostics (OT1xxx)
  const lowered = lower(parsed.ast, { path, source }); // AST → IR + semantic diagnostics (OT2xxx)

  // The later phases plug in here, in this order:
  //   plan(ir)               IR → dependency graph and parallel stages (src/plan, OT3xxx)
  //   interpret(plan, …)     run it with the runtime (src/runtime, OT4xxx), or
  //   generate(plan)         emit a standalone ES module (src/codegen)

  return {
    ast: parsed.ast,
    ir: lowered.template,
    diagnostics: sortDiagnostics([...parsed.diagnostics, ...lowered.diagnostics]),
  };
}
