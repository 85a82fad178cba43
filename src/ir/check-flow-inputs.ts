import type { Diagnostic } from '../diagnostics/index.js';
import { createCappedDiagnostics, finishCapped } from '../diagnostics/index.js';
import type { TemplateNode } from '../syntax/ast.js';
import type { TemplateIR } from './ir.js';
import { builtinCallee } from './builtin-callee.js';
import { isBuiltinName } from './builtins.js';
import { walkAst } from './checks/ast-walk.js';
import type { Report } from './lower-context.js';
import { flowPathExpr } from './lower-expr.js';
import { resolveTemplatePath } from './resolve-path.js';

/**
 * OT2008 across files: a `flow("x.ot", …)` call whose keyword arguments are not inputs that
 * `x.ot` declares, or that leaves out a required one (an input without a default). Only calls
 * with a literal path whose file was loaded can be checked.
 */
export function checkFlowInputs(
  files: readonly { ast: TemplateNode; template: TemplateIR }[],
  templates: Readonly<Record<string, TemplateIR>>,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { ast, template } of files) {
    // Capped per file like every phase's diagnostics (a file may call flow() a million times).
    const capped = createCappedDiagnostics();
    const report: Report = (code, span, args) => capped.report(code, template.path, span, args);
    const shadowed = new Set(Object.keys(template.meta.inputs).filter(isBuiltinName));
    walkAst(ast.body, {
      expr: (expr) => {
        if (expr.type !== 'Call' || builtinCallee(expr, shadowed) !== 'flow') return;
        const path = flowPathExpr(expr);
        if (path?.type !== 'Literal' || typeof path.value !== 'string') return;
        const targetKey = resolveTemplatePath(template.path, path.value);
        const target = Object.hasOwn(templates, targetKey) ? templates[targetKey] : undefined;
        if (!target) return;
        const inputs = target.meta.inputs;
        const declared = Object.keys(inputs);
        const given = new Set<string>();
        for (const kwarg of expr.kwargs) {
          const name = kwarg.name.name;
          if (name === 'path') continue;
          given.add(name);
          if (!Object.hasOwn(inputs, name)) {
            report('OT2008', kwarg.name.span, {
              builtin: 'flow',
              reason: `\`${path.value}\` has no input \`${name}\`; its inputs: ${declared.length === 0 ? '(none)' : declared.join(', ')}`,
            });
          }
        }
        for (const [name, spec] of Object.entries(inputs)) {
          if (spec.required && !given.has(name)) {
            report('OT2008', expr.span, {
              builtin: 'flow',
              reason: `missing required input \`${name}\` of \`${path.value}\``,
            });
          }
        }
      },
    });
    for (const diagnostic of finishCapped(capped, template.path)) diagnostics.push(diagnostic);
  }
  return diagnostics;
}
