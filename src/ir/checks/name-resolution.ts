import type { Expr, MacroParam, Node, TemplateNode } from '../../syntax/ast.js';
import type { Span } from '../../source/span.js';
import { assertNever } from '../../assert-never.js';
import { builtinCallee } from '../builtin-callee.js';
import { exprChildren } from '../../syntax/ast-children.js';
import { scopeBoundNames } from './bound-names.js';

/** A name that no enclosing scope binds at the point where it is read. */
export interface UnresolvedName {
  name: string;
  span: Span;
  /** True when the name is called (`name(…)`). */
  called: boolean;
  /** True inside a call block's terms. */
  inCallBlock: boolean;
}

interface Scope {
  names: Set<string>;
  parent: Scope | null;
}

/**
 * Finds every unresolved name, following nunjucks' scoping: `if`, `role`, `filter` and `set`
 * blocks share their scope; a `for` body, a macro body and a `call` body have their own; names
 * bound anywhere in a loop body count as bound in all of it (an earlier iteration set them); a
 * macro body also sees every top-level name (nunjucks looks them up in the context when the
 * macro runs, usually after they are set); each fork branch has its own scope, whose names are
 * visible after the fork.
 */
export function findUnresolvedNames(
  ast: TemplateNode,
  initialNames: Iterable<string>,
  shadowedBuiltins: ReadonlySet<string>,
): UnresolvedName[] {
  const found: UnresolvedName[] = [];
  const root: Scope = { names: new Set(initialNames), parent: null };
  const topLevelNames = scopeBoundNames(ast.body);

  const child = (parent: Scope, names: Iterable<string>): Scope => ({
    names: new Set(names),
    parent,
  });
  const isBound = (scope: Scope | null, name: string): boolean =>
    scope !== null && (scope.names.has(name) || isBound(scope.parent, name));

  const visitExpr = (expr: Expr, scope: Scope, inCallBlock: boolean): void => {
    if (expr.type === 'Name') {
      if (!isBound(scope, expr.name)) {
        found.push({ name: expr.name, span: expr.span, called: false, inCallBlock });
      }
      return;
    }
    if (guardsUndefined(expr)) {
      // `x is defined` and `x | default(…)` exist to handle an undefined `x`: no warning for it.
      const args =
        expr.type === 'Filter' ? [...expr.args, ...expr.kwargs.map((k) => k.value)] : expr.args;
      for (const arg of args) visitExpr(arg, scope, inCallBlock);
      return;
    }
    if (expr.type === 'Call' && expr.callee.type === 'Name') {
      const callee = expr.callee;
      if (builtinCallee(expr, shadowedBuiltins) === null && !isBound(scope, callee.name)) {
        found.push({ name: callee.name, span: callee.span, called: true, inCallBlock });
      }
      for (const arg of [...expr.args, ...expr.kwargs.map((kwarg) => kwarg.value)]) {
        visitExpr(arg, scope, inCallBlock);
      }
      return;
    }
    for (const sub of exprChildren(expr)) visitExpr(sub, scope, inCallBlock);
  };

  const visitParams = (params: MacroParam[], scope: Scope): void => {
    for (const param of params) {
      if (param.defaultValue) visitExpr(param.defaultValue, scope, false);
    }
  };

  const visitLoop = (node: Extract<Node, { type: 'For' }>, scope: Scope): void => {
    visitExpr(node.iterable, scope, false);
    const loopScope = child(scope, [
      ...node.targets.map((target) => target.name),
      'loop',
      ...scopeBoundNames(node.body),
    ]);
    visitNodes(node.body, loopScope);
    if (node.otherwise) visitNodes(node.otherwise, scope);
  };

  const visitNodes = (nodes: readonly Node[], scope: Scope): void => {
    for (const node of nodes) visitNode(node, scope);
  };

  const visitNode = (node: Node, scope: Scope): void => {
    switch (node.type) {
      case 'Text':
      case 'Comment':
      case 'Raw':
        return;
      case 'Output':
        visitExpr(node.expr, scope, false);
        return;
      case 'If':
        for (const branch of node.branches) {
          visitExpr(branch.test, scope, false);
          visitNodes(branch.body, scope);
        }
        if (node.otherwise) visitNodes(node.otherwise, scope);
        return;
      case 'For':
        visitLoop(node, scope);
        return;
      case 'Set':
        visitExpr(node.value, scope, false);
        for (const target of node.targets) scope.names.add(target.name);
        return;
      case 'SetBlock':
        visitNodes(node.body, scope);
        for (const target of node.targets) scope.names.add(target.name);
        return;
      case 'Include':
        visitExpr(node.template, scope, false);
        return;
      case 'Macro': {
        // Added first, so the macro can call itself.
        scope.names.add(node.name.name);
        const macroScope = child(scope, [
          ...topLevelNames,
          ...node.params.map((param) => param.name.name),
          'caller',
          ...scopeBoundNames(node.body),
        ]);
        visitParams(node.params, macroScope);
        visitNodes(node.body, macroScope);
        return;
      }
      case 'CallTag': {
        visitExpr(node.call, scope, false);
        const callerScope = child(scope, [
          ...node.callerParams.map((param) => param.name.name),
          ...scopeBoundNames(node.body),
        ]);
        visitParams(node.callerParams, callerScope);
        visitNodes(node.body, callerScope);
        return;
      }
      case 'FilterBlock':
        for (const arg of [...node.args, ...node.kwargs.map((kwarg) => kwarg.value)]) {
          visitExpr(arg, scope, false);
        }
        visitNodes(node.body, scope);
        return;
      case 'Fork': {
        const branchNames: string[] = [];
        for (const part of node.body) {
          if (part.type === 'Branch') {
            // Branches do not see each other; what they bind is visible after the fork.
            const branchScope = child(scope, []);
            visitNodes(part.body, branchScope);
            for (const name of branchScope.names) branchNames.push(name);
          } else {
            visitNode(part, scope);
          }
        }
        for (const name of branchNames) scope.names.add(name);
        return;
      }
      case 'Branch':
      case 'UnsupportedTag':
        visitNodes(node.body, scope);
        return;
      case 'Role':
        visitExpr(node.role, scope, false);
        visitNodes(node.body, scope);
        return;
      case 'CallBlock':
        for (const term of node.terms) visitExpr(term, scope, true);
        if (node.target) scope.names.add(node.target.name);
        return;
      default:
        assertNever(node);
    }
  };

  visitNodes(ast.body, root);
  return found;
}

/** A test or filter whose purpose is to handle an undefined name: `x is defined`, `x | default`. */
function guardsUndefined(expr: Expr): expr is Extract<Expr, { type: 'Test' | 'Filter' }> {
  if (expr.type === 'Test') {
    return expr.target.type === 'Name' && ['defined', 'undefined'].includes(expr.name.name);
  }
  if (expr.type === 'Filter') {
    return expr.target.type === 'Name' && ['default', 'd'].includes(expr.name.name);
  }
  return false;
}
