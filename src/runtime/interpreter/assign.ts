import type { ExecState } from './exec-state.js';

/** Assigns a variable as nunjucks' `set` does: up to the frame that has it, and at top level also in the context. */
export function assignVariable(state: ExecState, name: string, value: unknown): void {
  state.frame.set(name, value, true);
  if (state.frame.topLevel) state.context.setVariable(name, value);
}
