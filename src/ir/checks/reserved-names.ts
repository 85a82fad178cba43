import type { Identifier, KeywordArg, MacroParam } from '../../syntax/ast.js';
import { isForbiddenName } from '../../runtime/jinja/forbidden-names.js';
import type { TemplateCheck } from './check.js';
import { walkAst } from './ast-walk.js';

/**
 * The sandbox at check time (README, "Sandbox and threat model"): OT2017 for a read of a
 * forbidden name (`constructor`, `__proto__`, …), which the run would refuse with OT4001;
 * OT2015 for binding one: `set` targets, loop targets, macros and their parameters, `call`
 * parameters, call-block targets and keyword arguments.
 */
export const checkReservedNames: TemplateCheck = (ctx) => {
  const bind = (id: Identifier): void => {
    if (isForbiddenName(id.name)) ctx.report('OT2015', id.span, { name: id.name });
  };
  const params = (list: readonly MacroParam[]): void => list.forEach((p) => bind(p.name));
  const kwargs = (list: readonly KeywordArg[]): void => list.forEach((k) => bind(k.name));
  walkAst(ctx.ast.body, {
    node: (node) => {
      switch (node.type) {
        case 'Set':
        case 'SetBlock':
        case 'For':
          node.targets.forEach(bind);
          break;
        case 'Macro':
          bind(node.name);
          params(node.params);
          break;
        case 'CallTag':
          params(node.callerParams);
          break;
        case 'CallBlock':
          if (node.target) bind(node.target);
          break;
        case 'FilterBlock':
          kwargs(node.kwargs);
          break;
        default:
          break;
      }
    },
    expr: (expr) => {
      if (expr.type === 'Name' && isForbiddenName(expr.name))
        ctx.report('OT2017', expr.span, { name: expr.name });
      else if (expr.type === 'Call' || expr.type === 'Filter') kwargs(expr.kwargs);
    },
  });
};
