import type { ExecState } from './exec-state.js';
import { findLexical } from './lexical-scope.js';

/**
 * Assigns a variable as nunjucks' `set` does: up to the frame that has it, at top level also in
 * the context, and in the compiled variable when the name is a loop target or macro parameter.
 */
export function assignVariable(state: ExecState, name: string, value: unknown): void {
  const scope = state.lexical ? findLexical(state.lexical, name) : null;
  if (scope) scope.names[name] = value;
  state.frame.set(name, value, true);
  if (state.frame.topLevel) state.context.setVariable(name, value);
}
