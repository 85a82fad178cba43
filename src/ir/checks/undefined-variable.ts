import { isForbiddenName } from '../../runtime/jinja/forbidden-names.js';
import type { TemplateCheck } from './check.js';
import { initialNames } from './initial-names.js';
import { findUnresolvedNames } from './name-resolution.js';

/**
 * OT2003: a name that is no input, no global and not bound before it is read. A warning, since
 * nunjucks renders an undefined name as empty text; an unknown call inside a call block is
 * OT2001 instead.
 */
export const checkUndefinedVariables: TemplateCheck = (ctx) => {
  for (const ref of findUnresolvedNames(ctx.ast, initialNames(ctx), ctx.shadowedBuiltins)) {
    if (ref.called && ref.inCallBlock) continue;
    // A forbidden name is OT2017 (reserved-names.ts), an error rather than this warning.
    if (isForbiddenName(ref.name)) continue;
    ctx.report('OT2003', ref.span, { name: ref.name });
  }
};
