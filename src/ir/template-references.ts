import type { Span } from '../source/span.js';
import type { TemplateIR } from './ir.js';
import { forEachNode } from './walk-ir.js';

/** An `include` or `flow()` path of a template, resolved to the key of the file it names. */
export interface TemplateReference {
  kind: 'include' | 'flow';
  /** The file's key for a literal path; null for a computed one (known only at run time). */
  target: string | null;
  ignoreMissing: boolean;
  /** The path expression, where a "cannot read" error points. */
  span: Span;
}

/**
 * Every reference of a freshly lowered template to another, in source order (before loading
 * clears `resolved` on unreadable files, so a null target means a computed path).
 */
export function templateReferences(template: TemplateIR): TemplateReference[] {
  const found: TemplateReference[] = [];
  forEachNode(template.body, {
    stmt: (stmt) => {
      if (stmt.kind === 'include') {
        found.push({
          kind: 'include',
          target: stmt.resolved,
          ignoreMissing: stmt.ignoreMissing,
          span: stmt.template.span,
        });
      }
    },
    expr: (expr) => {
      if (expr.kind !== 'builtinCall' || expr.name !== 'flow') return;
      const path = expr.args[0] ?? expr.kwargs.find((kwarg) => kwarg.name === 'path')?.value;
      // A flow() without a path is an argument error of its own.
      if (path === undefined && expr.resolved === null) return;
      found.push({
        kind: 'flow',
        target: expr.resolved,
        ignoreMissing: false,
        span: path?.span ?? expr.span,
      });
    },
  });
  return found;
}
