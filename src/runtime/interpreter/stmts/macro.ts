import type { MacroStmt } from '../../../ir/ir.js';
import type { ExecState } from '../exec-state.js';
import { createMacro } from '../macro.js';

/** `{% macro name(params) %}…{% endmacro %}`: defines the macro where nunjucks would. */
export function execMacro(stmt: MacroStmt, state: ExecState): void {
  const macro = createMacro(stmt.params, stmt.body, state, false);
  if (state.inLoop) state.frame.set(stmt.name, macro);
  else state.context.setVariable(stmt.name, macro);
}
