/**
 * The Jinja value semantics the interpreter uses, from the one shared library (src/runtime/jinja),
 * so that the interpreter and generated code cannot drift apart.
 */
export { renderOutput, renderCallTerm } from '../jinja/render-output.js';
export { isTruthy } from '../jinja/truthiness.js';
export { binaryOp, unaryOp } from '../jinja/operators.js';
export { compareChain, compareOp } from '../jinja/compare.js';
export { getMember, getIndex } from '../jinja/member.js';
export { sliceValue } from '../jinja/slice.js';
export { callValue, splitKeywordArgs } from '../jinja/call.js';
export { bindMacroArgs, createMacroSignature, USE_DEFAULT } from '../jinja/macro-args.js';
export { applyFilter } from '../jinja/filters.js';
export { applyTest } from '../jinja/is-tests.js';
export { createGlobals } from '../jinja/globals.js';
export { createLoop } from '../jinja/loop.js';
export { iterateFor } from '../jinja/iterate-for.js';
export { markSafe } from '../jinja/safe-string.js';
export { JinjaError } from '../jinja/jinja-error.js';
export { makeDict } from '../jinja/make-dict.js';
