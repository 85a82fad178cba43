/** The public TypeScript API of `ot-lang` (ARCHITECTURE.md §3). */
export * from './runtime/index.js';
export { template, loadTemplate, Template } from './template.js';
export type { TemplateOptions } from './template.js';
// For tools (the language server, editors, linters): the phases one by one, the AST's types, and
// the catalogs that completion and hover show; `ot-lang/tools` is the same without the runtime.
export * from './tools.js';
export { generate, bundleModule } from './codegen/index.js';
export type {
  GenerateOptions,
  GeneratedModule,
  BundleOptions,
  BundledModule,
} from './codegen/index.js';
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
