import type { TextStmt } from '../../../ir/ir.js';
import type { EmitContext } from '../emit-context.js';
import { jsString } from '../js-literal.js';

/** Literal text. */
export function emitText(stmt: TextStmt, ec: EmitContext): void {
  ec.write(jsString(stmt.value));
}
