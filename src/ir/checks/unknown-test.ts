import type { TemplateCheck } from './check.js';
import { walkAst } from './ast-walk.js';
import { nunjucksTestNames } from './nunjucks-names.js';

/** OT2010: a test (`is name`) that nunjucks does not have. */
export const checkUnknownTests: TemplateCheck = (ctx) => {
  walkAst(ctx.ast.body, {
    expr: (expr) => {
      if (expr.type === 'Test' && !nunjucksTestNames.has(expr.name.name)) {
        ctx.report('OT2010', expr.name.span, { name: expr.name.name });
      }
    },
  });
};
