import type { Stmt } from '../../ir/ir.js';

const cache = new WeakMap<readonly Stmt[], readonly string[]>();

/** Names bound by call blocks anywhere in these statements (they become run outputs). */
export function callBindings(stmts: readonly Stmt[]): readonly string[] {
  let names = cache.get(stmts);
  if (!names) {
    const found = new Set<string>();
    visit(stmts, found);
    names = [...found];
    cache.set(stmts, names);
  }
  return names;
}

function visit(stmts: readonly Stmt[], found: Set<string>): void {
  for (const stmt of stmts) {
    switch (stmt.kind) {
      case 'callBlock':
        if (stmt.target) found.add(stmt.target);
        break;
      case 'if':
        for (const branch of stmt.branches) visit(branch.body, found);
        if (stmt.otherwise) visit(stmt.otherwise, found);
        break;
      case 'for':
        visit(stmt.body, found);
        if (stmt.otherwise) visit(stmt.otherwise, found);
        break;
      case 'fork':
        if (stmt.mode === 'branches') for (const branch of stmt.branches) visit(branch.body, found);
        else visit([stmt.loop], found);
        break;
      case 'capture':
      case 'role':
      case 'filterBlock':
      case 'macro':
      case 'callTag':
        visit(stmt.body, found);
        break;
      default:
        break;
    }
  }
}
