import { isBuiltinName } from '../builtins.js';
import type { TemplateCheck } from './check.js';

/** OT2009: an input named like a builtin turns that builtin into an ordinary variable. */
export const checkInputShadowsBuiltin: TemplateCheck = (ctx) => {
  for (const [name, spec] of Object.entries(ctx.meta.inputs)) {
    if (isBuiltinName(name)) ctx.report('OT2009', spec.span, { name });
  }
};
