import { statSync } from 'node:fs';
import { createDiagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { TemplateIR } from './ir.js';
import { describeRoots, outsideRoots, type PathAccess } from './path-access.js';
import { resolveTemplatePath } from './resolve-path.js';
import { forEachNode } from './walk-ir.js';

/**
 * Check-time errors of a template's literal `image("…")` file paths, as for a literal include:
 * one leaving the project roots is OT2018, a missing file OT2027 (URLs and computed paths are
 * checked when the image is placed). A template that binds `image` itself is not checked.
 */
export function imagePathDiagnostics(
  template: TemplateIR,
  access: PathAccess,
  bindsImage: boolean,
): Diagnostic[] {
  if (bindsImage || 'image' in template.meta.inputs) return [];
  const found: Diagnostic[] = [];
  forEachNode(template.body, {
    expr: (expr) => {
      if (expr.kind !== 'call' || expr.callee.kind !== 'name' || expr.callee.name !== 'image')
        return;
      const source = expr.args[0] ?? expr.kwargs.find((k) => k.name === 'source')?.value;
      if (source?.kind !== 'literal' || typeof source.value !== 'string') return;
      const path = source.value;
      // A URL (or any scheme) is the run's business; a drive letter is a path.
      if (path === '' || (/^[a-z][a-z0-9+.-]+:/i.test(path) && !/^[a-z]:[\\/]/i.test(path))) return;
      const target = resolveTemplatePath(template.path, path);
      const outside = outsideRoots(target, access);
      if (outside !== null) {
        found.push(
          createDiagnostic('OT2018', template.path, source.span, {
            what: 'image()',
            path: target,
            resolved: outside,
            roots: describeRoots(access),
          }),
        );
        return;
      }
      const reason = unreadable(target);
      if (reason !== null) {
        found.push(createDiagnostic('OT2027', template.path, source.span, { path, reason }));
      }
    },
  });
  return found;
}

function unreadable(path: string): string | null {
  try {
    return statSync(path).isFile() ? null : 'it is not a file';
  } catch {
    return 'no such file';
  }
}
