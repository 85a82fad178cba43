import type { MacroStmt } from '../../../ir/ir.js';
import { nodeKey } from '../node-key.js';
import type { AnalysisState } from '../state.js';

/** `{% macro %}`: binds the macro where `execMacro` does; its calls are planned where it is called. */
export function analyzeMacro(stmt: MacroStmt, state: AnalysisState): void {
  const value = {
    origins: new Set<string>(),
    macro: {
      name: stmt.name,
      params: stmt.params,
      body: stmt.body,
      template: state.template,
      definitionFrame: null,
      key: `macro:${nodeKey(stmt)}`,
    },
  };
  if (state.inLoop) state.frame.set(stmt.name, value);
  else state.context.vars.set(stmt.name, value);
}
