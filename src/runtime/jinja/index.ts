/**
 * Jinja value semantics, exactly as nunjucks (autoescape off) gives them: what the interpreter
 * and the generated code call for every value operation, so the two cannot drift. Plain
 * functions over plain values; errors are JinjaErrors carrying a diagnostic code.
 */
export { JinjaError, isJinjaError, toJinjaError, errorReason } from './jinja-error.js';
export { SafeString, markSafe, isSafeString } from './safe-string.js';
export { renderOutput, renderCallTerm } from './render-output.js';
export { toJsonValue, type JsonValue } from './to-json-value.js';
export { isTruthy } from './truthiness.js';
export { binaryOp, unaryOp, inOperator, type StrictBinaryOperator } from './operators.js';
export { compareOp, compareChain, type CompareOperator } from './compare.js';
export { getMember, getIndex, isForbiddenProperty } from './member.js';
export { FORBIDDEN_NAMES, isForbiddenName } from './forbidden-names.js';
export { FUNCTION_TEXT, hideSource } from './function-text.js';
export { isCallableMember } from './safe-methods.js';
export { makeDict } from './make-dict.js';
export { sliceValue } from './slice.js';
export {
  callValue,
  makeKeywordArgs,
  isKeywordArgs,
  splitKeywordArgs,
  type KeywordArgs,
} from './call.js';
export { applyFilter, hasFilter, filterNames } from './filters.js';
export { applyTest, hasTest, testNames } from './is-tests.js';
export { createGlobals } from './globals.js';
export { createLoop, advanceLoop, type LoopVariables } from './loop.js';
export { iterateFor, type ForIteration } from './iterate-for.js';
export {
  createMacroSignature,
  bindMacroArgs,
  USE_DEFAULT,
  type MacroSignature,
  type MacroArguments,
} from './macro-args.js';
export { describeType, describeValue } from './describe-value.js';
