import type { ForNode, MacroParam, Node } from '../syntax/ast.js';
import { assertNever } from '../assert-never.js';
import { joinSpans } from '../source/span.js';
import type { ForStmt, ParamIR, Stmt } from './ir.js';
import type { LowerContext } from './lower-context.js';
import { lowerExpr, lowerExprs, lowerKeywordArgs, lowerPlainCall } from './lower-expr.js';
import { lowerFork } from './lower-fork.js';
import { lowerRole } from './lower-role.js';
import { openingTagSpan } from './opening-tag-span.js';
import { resolveTemplatePath } from './resolve-path.js';
import {
  createCallBlock,
  createCallTag,
  createCapture,
  createFilterBlock,
  createFor,
  createIf,
  createInclude,
  createMacro,
  createOutput,
  createParam,
  createSet,
  createText,
} from './create-stmt.js';

/**
 * Lowers a node list. Comments disappear and `raw` becomes text; adjacent texts merge and empty
 * ones vanish, so later phases see one text statement per run of literal output.
 */
export function lowerNodes(nodes: readonly Node[], ctx: LowerContext): Stmt[] {
  const out: Stmt[] = [];
  for (const node of nodes) {
    for (const stmt of lowerNode(node, ctx)) appendStmt(out, stmt);
  }
  return out;
}

function appendStmt(out: Stmt[], stmt: Stmt): void {
  if (stmt.kind !== 'text') {
    out.push(stmt);
    return;
  }
  if (stmt.value === '') return;
  const last = out[out.length - 1];
  if (last?.kind === 'text') {
    out[out.length - 1] = createText(last.value + stmt.value, joinSpans(last.span, stmt.span));
  } else {
    out.push(stmt);
  }
}

/** One node becomes zero (comments, unsupported tags), one, or several statements (recovery). */
function lowerNode(node: Node, ctx: LowerContext): Stmt[] {
  switch (node.type) {
    case 'Text':
      return [createText(node.value, node.span)];
    case 'Raw':
      return [createText(node.value, node.span)];
    case 'Comment':
      return [];
    case 'Output':
      return [createOutput(lowerExpr(node.expr, ctx), node.span)];
    case 'If':
      return [
        createIf(
          node.branches.map((branch) => ({
            test: lowerExpr(branch.test, ctx),
            body: lowerNodes(branch.body, ctx),
            span: branch.span,
          })),
          node.otherwise === null ? null : lowerNodes(node.otherwise, ctx),
          node.span,
        ),
      ];
    case 'For':
      return [lowerFor(node, ctx)];
    case 'Set':
      return [
        createSet(
          node.targets.map((target) => target.name),
          lowerExpr(node.value, ctx),
          node.span,
        ),
      ];
    case 'SetBlock':
      return [
        createCapture(
          node.targets.map((target) => target.name),
          lowerNodes(node.body, ctx),
          node.span,
        ),
      ];
    case 'Include': {
      const template = node.template;
      const resolved =
        template.type === 'Literal' && typeof template.value === 'string'
          ? resolveTemplatePath(ctx.path, template.value)
          : null;
      return [createInclude(resolved, lowerExpr(template, ctx), node.ignoreMissing, node.span)];
    }
    case 'Macro':
      return [
        createMacro(
          node.name.name,
          lowerParams(node.params, ctx),
          lowerNodes(node.body, ctx),
          node.span,
        ),
      ];
    case 'CallTag':
      return [
        createCallTag(
          lowerParams(node.callerParams, ctx),
          lowerPlainCall(node.call, ctx),
          lowerNodes(node.body, ctx),
          node.span,
        ),
      ];
    case 'FilterBlock':
      return [
        createFilterBlock(
          node.name.name,
          lowerExprs(node.args, ctx),
          lowerKeywordArgs(node.kwargs, ctx),
          lowerNodes(node.body, ctx),
          node.span,
        ),
      ];
    case 'Fork':
      return [lowerFork(node, ctx)];
    case 'Branch':
      ctx.report('OT2012', openingTagSpan(node), {
        reason: '`branch` is only allowed directly inside `fork`',
      });
      return lowerNodes(node.body, ctx);
    case 'Role':
      return lowerRole(node, ctx);
    case 'CallBlock':
      return [
        createCallBlock(
          node.target === null ? null : node.target.name,
          lowerExprs(node.terms, ctx),
          node.span,
        ),
      ];
    case 'UnsupportedTag':
      ctx.report('OT2007', openingTagSpan(node), { tag: node.name });
      return [];
    default:
      return assertNever(node);
  }
}

/** Lowers a `for` loop (also the loop of a `fork`). */
export function lowerFor(node: ForNode, ctx: LowerContext): ForStmt {
  return createFor(
    node.targets.map((target) => target.name),
    lowerExpr(node.iterable, ctx),
    lowerNodes(node.body, ctx),
    node.otherwise === null ? null : lowerNodes(node.otherwise, ctx),
    node.span,
  );
}

function lowerParams(params: MacroParam[], ctx: LowerContext): ParamIR[] {
  return params.map((param) =>
    createParam(
      param.name.name,
      param.defaultValue === null ? null : lowerExpr(param.defaultValue, ctx),
      param.span,
    ),
  );
}
