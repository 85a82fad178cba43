import type { TextStmt } from '../../../ir/ir.js';
import type { EmitContext } from '../emit-context.js';
import { jsString } from '../js-literal.js';

/**
 * Literal text: known text (see EmitContext.write), except in a template with role blocks, where
 * whitespace between the blocks belongs to no chat message and is written as `execText` writes it.
 */
export function emitText(stmt: TextStmt, ec: EmitContext): void {
  if (ec.template.hasRoles) ec.out.line(`writeText(${ec.state}, ${jsString(stmt.value)});`);
  else ec.write(jsString(stmt.value));
}
