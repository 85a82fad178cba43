import { resolve } from 'node:path';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import { OtError } from '../diagnostics/ot-error.js';
import type { TemplateIR } from '../ir/ir.js';
import { cycleKind } from '../ir/reference-cycles.js';
import type { CallSite, RunServices } from './interpreter/exec-state.js';

/** One template being rendered, and how it was reached. */
export interface ActiveTemplate {
  kind: 'entry' | 'include' | 'flow';
  path: string;
}

/**
 * The services for rendering `template`, reached by an include or a `flow()` at `site`, inside
 * the templates `run` is rendering. A template that is already being rendered is a cycle (a
 * computed path got past the check-time OT2020): OT4017 at the site names it, instead of
 * recursing until the stack overflows.
 */
export function enterTemplate(
  run: RunServices,
  kind: 'include' | 'flow',
  template: TemplateIR,
  site: CallSite,
): RunServices {
  const active = run.active ?? [{ kind: 'entry', path: run.program.entry }];
  const start = active.findIndex((step) => resolve(step.path) === resolve(template.path));
  if (start >= 0) {
    const steps = [...active.slice(start + 1), { kind, path: template.path }];
    const cycle = [...active.slice(start), { path: template.path }].map((step) => step.path);
    throw new OtError([
      createDiagnostic('OT4017', site.file, site.span, {
        what: cycleKind(steps.filter((step) => step.kind !== 'entry') as { kind: typeof kind }[]),
        cycle: cycle.join(' → '),
      }),
    ]);
  }
  const next: ActiveTemplate[] = [...active, { kind, path: template.path }];
  return run.withActive ? run.withActive(next) : { ...run, active: next };
}
