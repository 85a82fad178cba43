/**
 * `ot-lang/tools`: the phases one by one for tools (the language server, editors, linters) —
 * parse, load, check, plan, the AST and the catalogs completion and hover show — without the
 * runtime, the cache or the providers, so a tool starts quickly. `ot-lang` exports all of it too.
 */
export { parse } from './syntax/index.js';
export type { ParseOptions, ParseResult } from './syntax/index.js';
export type * as ast from './syntax/ast.js';
export { exprChildren, nodeParts, forEachNode, forEachExpr } from './syntax/ast-children.js';
export type { NodeParts } from './syntax/ast-children.js';
export { check } from './check.js';
export type { Diagnostic, DiagnosticCode, Severity } from './diagnostics/index.js';
export { printDiagnostics, diagnosticCatalog } from './diagnostics/index.js';
export { closestName } from './diagnostics/did-you-mean.js';
export { createSourceFile } from './source/index.js';
export { loadProgram } from './ir/load-program.js';
export type { LoadProgramOptions, LoadedProgram } from './ir/load-program.js';
export type {
  BuiltinName,
  InputSpec,
  JsonSchema,
  ProgramIR,
  TemplateIR,
  TemplateMeta,
} from './ir/ir.js';
export { builtinNames } from './ir/builtins.js';
export { builtinSignatures } from './ir/builtin-signatures.js';
export type { BuiltinSignature } from './ir/builtin-signatures.js';
export type { ArgRule } from './ir/arg-rules.js';
export {
  nunjucksFilterNames,
  nunjucksTestNames,
  nunjucksGlobalNames,
} from './ir/checks/nunjucks-names.js';
export {
  plan,
  printPlanJson,
  printPlanMermaid,
  printPlanText,
  describeDependency,
  describeReason,
  summarizeList,
  summarizeWaits,
  sameStageOf,
  formatCount,
  countValue,
  evaluateCount,
} from './plan/index.js';
export type {
  Plan,
  PlannedCall,
  PlanSources,
  Count,
  PlannedStage,
  PlannedLoop,
  PlannedFlow,
  PlannedGuard,
  Dependency,
  DependencyReason,
  PromptSource,
  ScopeEntry,
  CriticalPath,
  CallEstimate,
} from './plan/index.js';
