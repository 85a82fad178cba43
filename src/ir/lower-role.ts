import type { RoleNode } from '../syntax/ast.js';
import type { RoleName, Stmt } from './ir.js';
import type { LowerContext } from './lower-context.js';
import { createRole } from './create-stmt.js';
import { lowerNodes } from './lower-stmt.js';
import { openingTagSpan } from './opening-tag-span.js';

/** The spellings a `role` tag accepts; `model` is an alias of `assistant` (LANGUAGE.md §5). */
const roleAliases: Record<string, RoleName> = {
  system: 'system',
  user: 'user',
  assistant: 'assistant',
  model: 'assistant',
};

/**
 * Lowers `{% role "…" %}`. A nested role or a bad role name is reported and the body is kept
 * inline, so its text still renders and its calls are still checked.
 */
export function lowerRole(node: RoleNode, ctx: LowerContext): Stmt[] {
  ctx.found.roles = true;
  const role = roleName(node, ctx);
  if (ctx.inRole) {
    ctx.report('OT2012', openingTagSpan(node), {
      reason: 'role tags cannot nest; close the enclosing `role` first',
    });
    return lowerNodes(node.body, ctx);
  }
  const body = lowerNodes(node.body, { ...ctx, inRole: true });
  return role === null ? body : [createRole(role, body, node.span)];
}

function roleName(node: RoleNode, ctx: LowerContext): RoleName | null {
  const expr = node.role;
  // The parser has already reported a missing expression.
  if (expr.type === 'Missing') return null;
  if (expr.type !== 'Literal' || typeof expr.value !== 'string') {
    ctx.report('OT2012', expr.span, {
      reason: 'a role must be a string literal: "system", "user", "assistant" or "model"',
    });
    return null;
  }
  const role = Object.hasOwn(roleAliases, expr.value) ? roleAliases[expr.value] : undefined;
  if (role === undefined) {
    ctx.report('OT2012', expr.span, {
      reason: `unknown role ${JSON.stringify(expr.value)}; expected "system", "user", "assistant" or "model"`,
    });
    return null;
  }
  return role;
}
