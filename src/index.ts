/** The public TypeScript API of `ot-lang` (ARCHITECTURE.md §3). */
export * from './runtime/index.js';
export { template, loadTemplate, Template } from './template.js';
export type { TemplateOptions } from './template.js';
export { parse } from './syntax/index.js';
export { check } from './check.js';
export type { Diagnostic, DiagnosticCode, Severity } from './diagnostics/index.js';
export { printDiagnostics } from './diagnostics/index.js';
export { createSourceFile } from './source/index.js';
export type { ProgramIR, TemplateIR } from './ir/ir.js';

// For tools (the language server, editors, linters): the phases one by one, the AST's types, and
// the catalogs that completion and hover show.
export { loadProgram } from './ir/load-program.js';
export type { LoadProgramOptions, LoadedProgram } from './ir/load-program.js';
export type * as ast from './syntax/ast.js';
export type { ParseOptions, ParseResult } from './syntax/index.js';
export type { BuiltinName, InputSpec, JsonSchema, TemplateMeta } from './ir/ir.js';
export { builtinNames } from './ir/builtins.js';
export { builtinSignatures } from './ir/builtin-signatures.js';
export type { BuiltinSignature } from './ir/builtin-signatures.js';
export type { ArgRule } from './ir/arg-rules.js';
export {
  nunjucksFilterNames,
  nunjucksTestNames,
  nunjucksGlobalNames,
} from './ir/checks/nunjucks-names.js';
export { diagnosticCatalog } from './diagnostics/index.js';
export {
  plan,
  printPlanMermaid,
  printPlanText,
  describeDependency,
  formatCount,
} from './plan/index.js';
export type { Plan, PlannedCall, PlanSources, Count } from './plan/index.js';
export { printPlanJson, describeReason, countValue, evaluateCount } from './plan/index.js';
export type {
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
export { generate, bundleModule } from './codegen/index.js';
export type {
  GenerateOptions,
  GeneratedModule,
  BundleOptions,
  BundledModule,
} from './codegen/index.js';
export { exprChildren, nodeParts, forEachNode, forEachExpr } from './syntax/ast-children.js';
export type { NodeParts } from './syntax/ast-children.js';
export { evaluate } from './eval/evaluate.js';
export type { EvaluateOptions, EvaluateResult } from './eval/evaluate.js';
export type { EvalSpec, ScorerSpec, ScorerFunction } from './eval/eval-spec.js';
export type {
  EvalSummary,
  EvalCell,
  EvalComparison,
  EvalResultRow,
  ScoreValue,
  ScoreSummary,
} from './eval/eval-types.js';
export { estimateCost, DEFAULT_ESTIMATE_OUTPUT_TOKENS } from './plan/estimate-cost.js';
export type {
  CostEstimate,
  CostEstimateTotals,
  EstimateCostOptions,
} from './plan/estimate-cost.js';
