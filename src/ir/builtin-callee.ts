import type { CallExpr } from '../syntax/ast.js';
import type { BuiltinName } from './ir.js';
import { isBuiltinName } from './builtins.js';

/**
 * The builtin a call names, or null: only a bare name counts (`x.select()` is a method call), and
 * a name that an input shadows is an ordinary variable (LANGUAGE.md §4).
 */
export function builtinCallee(call: CallExpr, shadowed: ReadonlySet<string>): BuiltinName | null {
  if (call.callee.type !== 'Name') return null;
  const name = call.callee.name;
  return isBuiltinName(name) && !shadowed.has(name) ? name : null;
}
