import type { TemplateIR } from '../../ir/ir.js';
import { AbstractContext, type AbstractValue } from './scope.js';

/**
 * The context a template starts with: its inputs, known before any call. An input with a
 * default (and not given) is a constant, so a loop over it has a known count.
 */
export function templateContext(
  template: TemplateIR,
  given: ReadonlyMap<string, AbstractValue>,
): AbstractContext {
  const vars = new Map<string, AbstractValue>();
  for (const [name, spec] of Object.entries(template.meta.inputs)) {
    vars.set(
      name,
      spec.required
        ? { origins: new Set() }
        : { origins: new Set(), constant: { value: spec.default } },
    );
  }
  for (const [name, value] of given) vars.set(name, value);
  return new AbstractContext(vars);
}
