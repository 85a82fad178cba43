import type { ForkStmt } from '../../../ir/ir.js';
import { assignedNames, assignedNamesOf } from '../../../runtime/interpreter/assigned-names.js';
import { callBindings } from '../../../runtime/interpreter/call-bindings.js';
import type { EmitContext } from '../emit-context.js';
import { jsLiteral } from '../js-literal.js';

/**
 * `{% fork %}`: every branch (or every iteration of its loop) from the prefix at the fork, with
 * its own sample key; the branches' calls run concurrently.
 */
export function emitFork(stmt: ForkStmt, ec: EmitContext): void {
  ec.comment(stmt.span);
  ec.at(stmt.span);
  const s = ec.state;
  if (stmt.mode === 'branches') {
    const names = new Set<string>();
    for (const branch of stmt.branches)
      for (const name of assignedNames(branch.body)) names.add(name);
    ec.out.line(`forkBranches(${s}, [`);
    ec.out.indented(() => {
      for (const branch of stmt.branches) ec.out.line(`${ec.arrow(branch.body)},`);
    });
    ec.out.line(`], ${jsLiteral([...names])});`);
    return;
  }
  const loop = stmt.loop;
  const skeleton = ec.module.constant(
    'DEFER',
    `deferral(${jsLiteral([...assignedNamesOf(stmt)])}, false)`,
  );
  const iterable = ec.expr.emit(loop.iterable, s);
  const bound = jsLiteral([...callBindings(loop.body)]);
  const names = jsLiteral([...assignedNames(loop.body)]);
  const otherwise = loop.otherwise ? ec.arrow(loop.otherwise) : 'null';
  ec.out.line(
    `forkLoop(${s}, ${skeleton}, ${jsLiteral(loop.targets)}, ${iterable}, ${bound}, ${names}, ${ec.arrow(loop.body)}, ${otherwise});`,
  );
}
