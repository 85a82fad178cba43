import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { TemplateReference } from './template-references.js';

/**
 * OT2020 at each literal `include` or `flow()` that closes a cycle (`a.ot → b.ot → a.ot`): such
 * a template would render itself without end. Walks depth-first from the entry; each cycle is
 * reported once, at the reference that leads back into it.
 */
export function referenceCycles(
  entry: string,
  references: ReadonlyMap<string, readonly TemplateReference[]>,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const done = new Set<string>();
  const stack: { file: string; via: TemplateReference | null }[] = [];
  const visit = (file: string, via: TemplateReference | null): void => {
    stack.push({ file, via });
    for (const reference of references.get(file) ?? []) {
      const target = reference.target;
      if (target === null || !references.has(target)) continue;
      const start = stack.findIndex((step) => step.file === target);
      if (start >= 0) {
        const steps = [...stack.slice(start + 1).map((step) => step.via!), reference];
        diagnostics.push(
          createDiagnostic('OT2020', file, reference.span, {
            what: cycleKind(steps),
            cycle: [...stack.slice(start).map((step) => step.file), target].join(' → '),
          }),
        );
        continue;
      }
      if (!done.has(target)) visit(target, reference);
    }
    stack.pop();
    done.add(file);
  };
  visit(entry, null);
  return diagnostics;
}

/** `include`, `flow()`, or both when the cycle mixes them. */
export function cycleKind(steps: readonly { kind: 'include' | 'flow' }[]): string {
  const kinds = new Set(steps.map((step) => step.kind));
  if (kinds.size > 1) return 'include and flow()';
  return kinds.has('include') ? 'include' : 'flow()';
}
