/**
 * What generated modules call (`import { compiledRuntime } from 'ot-lang/runtime'`): the
 * interpreter's own machinery — pending values, output buffers, frames, deferral, builtin calls —
 * and the shared value helpers, plus thin adapters that take generated functions where the
 * interpreter takes IR. Nothing here parses templates.
 */
export {
  whenKnown,
  whenAllKnown,
  settle,
  isUnsettled,
  resolveDeep,
  Pending,
} from '../../runtime/interpreter/pending.js';
export { walkWhenKnown, walkWhenAllKnown } from '../../runtime/interpreter/walk-later.js';
export { assignVariable } from '../../runtime/interpreter/assign.js';
export { lookupName } from '../../runtime/interpreter/frame.js';
export { locateError } from '../../runtime/interpreter/runtime-error.js';
export {
  renderOutput,
  renderCallTerm,
  isTruthy,
  binaryOp,
  unaryOp,
  sliceValue,
  markSafe,
} from '../../runtime/interpreter/values.js';
export { compareChain } from '../../runtime/jinja/compare.js';
export { lookup, member, index, call, filter, test, dict, splitValues } from './values.js';
export {
  callSite,
  startCall,
  startCallWhenKnown,
  writeTerm,
  joinTerms,
  bindOutput,
} from './call-block.js';
export { writeText } from './text.js';
export { outputPiece } from '../../runtime/interpreter/placed-image.js';
export { deferral } from './deferral.js';
export { ifChain, forLoop, type Body } from './control.js';
export { forkBranches, forkLoop } from './fork.js';
export { include, includeComputed, capture, filterBlock } from './scopes.js';
export { createCompiledMacro, defineMacro, callTag, type CompiledParam } from './macro.js';
export { defineTemplate, compiledTemplateOf, type CompiledTemplate } from './compiled-template.js';
export { renderCompiled, renderCompiledSync } from './render.js';
export { runCompiledProgram, type CompiledTemplates } from './run-compiled.js';
export { defineProgram, type CompiledProgram } from './compiled-program.js';
export { isMainModule } from './is-main.js';
export type { FlowRunOptions } from '../../cli/run/run-once.js';
