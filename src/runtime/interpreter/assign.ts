import { isForbiddenName } from '../jinja/forbidden-names.js';
import { JinjaError } from '../jinja/jinja-error.js';
import type { ExecState } from './exec-state.js';
import { findLexical } from './lexical-scope.js';

/**
 * Assigns a variable as nunjucks' `set` does: up to the frame that has it, at top level also in
 * the context, and in the compiled variable when the name is a loop target or macro parameter.
 */
export function assignVariable(state: ExecState, name: string, value: unknown): void {
  // `ot check` refuses these bindings (OT2015); this keeps the sandbox if a check is bypassed.
  if (isForbiddenName(name)) throw new JinjaError('OT4001', { name });
  const scope = state.lexical ? findLexical(state.lexical, name) : null;
  if (scope) scope.names[name] = value;
  state.frame.set(name, value, true);
  if (state.frame.topLevel) state.context.setVariable(name, value);
}
