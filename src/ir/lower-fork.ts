import type { BranchNode, ForkNode, ForNode } from '../syntax/ast.js';
import type { ForkStmt } from './ir.js';
import type { LowerContext } from './lower-context.js';
import { createBranchesFork, createLoopFork } from './create-stmt.js';
import { lowerFor, lowerNodes } from './lower-stmt.js';
import { openingTagSpan } from './opening-tag-span.js';
import { trimmedSpan } from './trimmed-span.js';

/**
 * Lowers `{% fork %}`: its body is either `branch` blocks or exactly one `for` loop, with only
 * whitespace and comments between them (dropped). Anything else is reported; lowering then keeps
 * what it can so that later checks still see the branches.
 */
export function lowerFork(node: ForkNode, ctx: LowerContext): ForkStmt {
  const branches: BranchNode[] = [];
  const loops: ForNode[] = [];
  for (const child of node.body) {
    if (child.type === 'Comment') continue;
    if (child.type === 'Branch') branches.push(child);
    else if (child.type === 'For') loops.push(child);
    else if (child.type === 'Text') {
      if (/^\s*$/.test(child.value)) continue;
      ctx.report('OT2012', trimmedSpan(child.span, ctx.source), {
        reason: 'text directly inside `fork` must be whitespace; put it inside a `branch`',
      });
    } else {
      ctx.report('OT2012', 'tags' in child ? openingTagSpan(child) : child.span, {
        reason: 'only `branch` blocks or one `for` loop may appear directly inside `fork`',
      });
    }
  }

  const firstLoop = loops[0];
  const secondLoop = loops[1];
  if (branches.length > 0 && firstLoop) {
    ctx.report('OT2012', openingTagSpan(firstLoop), {
      reason: 'a `fork` holds either `branch` blocks or one `for` loop, not both',
    });
  } else if (secondLoop) {
    ctx.report('OT2012', openingTagSpan(secondLoop), {
      reason: 'a `fork` may hold only one `for` loop; wrap each in a `branch`',
    });
  } else if (!firstLoop && branches.length === 0) {
    ctx.report('OT2012', openingTagSpan(node), {
      reason: '`fork` needs `branch` blocks or one `for` loop',
    });
  }

  if (branches.length === 0 && firstLoop) {
    return createLoopFork(lowerFor(firstLoop, ctx), node.span);
  }
  return createBranchesFork(
    branches.map((branch) => ({ body: lowerNodes(branch.body, ctx), span: branch.span })),
    node.span,
  );
}
