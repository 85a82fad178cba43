import { builtinCallee } from '../builtin-callee.js';
import type { TemplateCheck } from './check.js';
import { walkAst } from './ast-walk.js';

/** OT2002: a builtin called in `{{ }}` or a tag instead of a call block (calls must be visible). */
export const checkBuiltinOutsideCallBlock: TemplateCheck = (ctx) => {
  walkAst(ctx.ast.body, {
    expr: (expr, info) => {
      if (expr.type !== 'Call' || info.inCallBlock) return;
      const name = builtinCallee(expr, ctx.shadowedBuiltins);
      if (name !== null) ctx.report('OT2002', expr.span, { name });
    },
  });
};
