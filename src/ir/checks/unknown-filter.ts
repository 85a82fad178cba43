import type { TemplateCheck } from './check.js';
import { walkAst } from './ast-walk.js';
import { nunjucksFilterNames } from './nunjucks-names.js';

/** OT2006: a filter (`|name` or `{% filter name %}`) that nunjucks does not have. */
export const checkUnknownFilters: TemplateCheck = (ctx) => {
  walkAst(ctx.ast.body, {
    node: (node) => {
      if (node.type === 'FilterBlock' && !nunjucksFilterNames.has(node.name.name)) {
        ctx.report('OT2006', node.name.span, { name: node.name.name });
      }
    },
    expr: (expr) => {
      if (expr.type === 'Filter' && !nunjucksFilterNames.has(expr.name.name)) {
        ctx.report('OT2006', expr.name.span, { name: expr.name.name });
      }
    },
  });
};
