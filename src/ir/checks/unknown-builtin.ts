import type { TemplateCheck } from './check.js';
import { initialNames } from './initial-names.js';
import { findUnresolvedNames } from './name-resolution.js';

/**
 * OT2001: inside `<< >>`, a call of a name that is no builtin, macro or variable — most often a
 * misspelt builtin (`generate_txt`), which would otherwise fail only when the call runs.
 */
export const checkUnknownBuiltins: TemplateCheck = (ctx) => {
  for (const ref of findUnresolvedNames(ctx.ast, initialNames(ctx), ctx.shadowedBuiltins)) {
    if (ref.called && ref.inCallBlock) ctx.report('OT2001', ref.span, { name: ref.name });
  }
};
