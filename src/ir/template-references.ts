import type { Span } from '../source/span.js';
import type { TemplateIR } from './ir.js';
import { forEachNode } from './walk-ir.js';

/** A literal `include` or `flow()` path of a template, resolved to the key of the file it names. */
export interface TemplateReference {
  kind: 'include' | 'flow';
  target: string;
  ignoreMissing: boolean;
  /** The path literal, where a "cannot read" error points. */
  span: Span;
}

/** Every statically known reference of a template to another, in source order. */
export function templateReferences(template: TemplateIR): TemplateReference[] {
  const found: TemplateReference[] = [];
  forEachNode(template.body, {
    stmt: (stmt) => {
      if (stmt.kind === 'include' && stmt.resolved !== null) {
        found.push({
          kind: 'include',
          target: stmt.resolved,
          ignoreMissing: stmt.ignoreMissing,
          span: stmt.template.span,
        });
      }
    },
    expr: (expr) => {
      if (expr.kind === 'builtinCall' && expr.name === 'flow' && expr.resolved !== null) {
        const path = expr.args[0] ?? expr.kwargs.find((kwarg) => kwarg.name === 'path')?.value;
        found.push({
          kind: 'flow',
          target: expr.resolved,
          ignoreMissing: false,
          span: path?.span ?? expr.span,
        });
      }
    },
  });
  return found;
}
