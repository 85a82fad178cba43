import type { TemplateCheck } from './check.js';
import { allBoundNames } from './bound-names.js';

/** OT2003 at front matter `output:` when the template never binds that variable. */
export const checkOutputVariable: TemplateCheck = (ctx) => {
  const name = ctx.meta.output;
  if (name === null || ctx.outputSpan === null) return;
  if (Object.hasOwn(ctx.meta.inputs, name) || allBoundNames(ctx.ast.body).includes(name)) return;
  ctx.report('OT2003', ctx.outputSpan, { name });
};
