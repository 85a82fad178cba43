import { assertNever } from '../../assert-never.js';
import type { Stmt } from '../../ir/ir.js';

const cache = new WeakMap<readonly Stmt[], readonly string[]>();

/**
 * The variables a list of statements may assign in the scope it runs in: `set` and capture
 * targets, call-block bindings, macro definitions, and the same inside `if`, `for`, `fork`,
 * `role` and `filter` bodies (not inside macro bodies, which run in their own frame). A
 * statement that has to wait for a pending value marks these names pending until it has run.
 */
export function assignedNames(stmts: readonly Stmt[]): readonly string[] {
  let names = cache.get(stmts);
  if (!names) {
    const found = new Set<string>();
    for (const stmt of stmts) collect(stmt, found);
    names = [...found];
    cache.set(stmts, names);
  }
  return names;
}

/** The names a single statement may assign. */
export function assignedNamesOf(stmt: Stmt): readonly string[] {
  return assignedNames([stmt]);
}

function collect(stmt: Stmt, found: Set<string>): void {
  switch (stmt.kind) {
    case 'text':
    case 'output':
    case 'include':
    case 'callTag':
      return;
    case 'set':
    case 'capture':
      for (const target of stmt.targets) found.add(target);
      if (stmt.kind === 'capture') collectAll(stmt.body, found);
      return;
    case 'callBlock':
      if (stmt.target) found.add(stmt.target);
      return;
    case 'macro':
      found.add(stmt.name);
      return;
    case 'if':
      for (const branch of stmt.branches) collectAll(branch.body, found);
      if (stmt.otherwise) collectAll(stmt.otherwise, found);
      return;
    case 'for':
      collectAll(stmt.body, found);
      if (stmt.otherwise) collectAll(stmt.otherwise, found);
      return;
    case 'fork':
      if (stmt.mode === 'branches')
        for (const branch of stmt.branches) collectAll(branch.body, found);
      else collect(stmt.loop, found);
      return;
    case 'role':
    case 'filterBlock':
      collectAll(stmt.body, found);
      return;
    default:
      assertNever(stmt);
  }
}

function collectAll(stmts: readonly Stmt[], found: Set<string>): void {
  for (const stmt of stmts) collect(stmt, found);
}
