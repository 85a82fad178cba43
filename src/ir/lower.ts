import type { Diagnostic } from '../diagnostics/index.js';
import { createCappedDiagnostics, finishCapped } from '../diagnostics/index.js';
import type { TemplateNode } from '../syntax/ast.js';
import type { TemplateIR } from './ir.js';
import { isBuiltinName } from './builtins.js';
import { runTemplateChecks } from './checks/index.js';
import { createTemplate } from './create-stmt.js';
import { lowerFrontMatter } from './front-matter.js';
import { createLowerContext, type Report } from './lower-context.js';
import { lowerNodes } from './lower-stmt.js';
import { sortAndCapDiagnostics } from './sort-diagnostics.js';

/** Options of `lower`. */
export interface LowerOptions {
  /** The template's path; diagnostics name it and relative `include`/`flow` paths resolve from it. */
  path: string;
  /** The file's whole text (the AST's spans point into it). */
  source: string;
  /** Names an including template binds, so an included file does not warn about them. */
  ambientNames?: readonly string[];
}

/** The lowered template and every lowering and semantic diagnostic, in source order. */
export interface LowerResult {
  template: TemplateIR;
  diagnostics: Diagnostic[];
}

/**
 * Lowers one parsed template to IR (front matter checked, comments dropped, raw blocks as text,
 * builtin calls resolved, forks and roles normalised), then runs the semantic checks. Never
 * throws: problems are diagnostics and the IR is as complete as the input allows.
 */
export function lower(ast: TemplateNode, options: LowerOptions): LowerResult {
  // Capped: past the limit a check's report only counts, so a file with a million problems
  // costs the checks no more per problem than a clean one.
  const diagnostics = createCappedDiagnostics();
  const report: Report = (code, span, args) => diagnostics.report(code, options.path, span, args);
  const { meta, outputSpan } = lowerFrontMatter(ast.frontMatter, report);
  const shadowedBuiltins = new Set(Object.keys(meta.inputs).filter(isBuiltinName));
  const ctx = createLowerContext(options.path, options.source, shadowedBuiltins, report);
  const body = lowerNodes(ast.body, ctx);
  runTemplateChecks({
    path: options.path,
    ast,
    meta,
    outputSpan,
    shadowedBuiltins,
    ambientNames: options.ambientNames ?? [],
    report,
  });
  return {
    template: createTemplate(options.path, meta, body, ctx.found.roles, ast.span),
    diagnostics: sortAndCapDiagnostics(finishCapped(diagnostics, options.path), options.path),
  };
}
