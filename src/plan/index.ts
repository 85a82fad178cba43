/**
 * The optimizer's plan (ARCHITECTURE.md §2): static dependency analysis of a program's calls
 * and its printers. One rule per statement kind lives in `analysis/rules/`; the passes over the
 * result (stages, loop concurrency, critical path, estimate) each have their own file.
 */
export { plan } from './plan.js';
export type {
  Plan,
  PlannedCall,
  PlannedStage,
  PlannedLoop,
  PlannedFlow,
  PlannedGuard,
  GuardChoice,
  Dependency,
  DependencyReason,
  DependencyKind,
  PromptSource,
  ModelBuiltin,
  ScopeEntry,
  CriticalPath,
  CallEstimate,
} from './plan-types.js';
export { formatCount, countValue, evaluateCount, type Count, type CountTerm } from './count.js';
export { printPlanText } from './print-text.js';
export { printPlanJson } from './print-json.js';
export { printPlanMermaid } from './print-mermaid.js';
export { describeReason, describeDependency, type PlanSources } from './describe.js';
export { printExpr } from './print-expr.js';
export { summarizeList, summarizeWaits } from './summarize-waits.js';
export { sameStageOf } from './stages.js';
export { compactJson } from './compact-json.js';
