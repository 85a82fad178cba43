import type { IfStmt, Stmt } from '../../../ir/ir.js';
import { assignedNamesOf } from '../../../runtime/interpreter/assigned-names.js';
import type { EmitContext } from '../emit-context.js';
import { jsLiteral } from '../js-literal.js';

/**
 * `{% if %}`: a plain JavaScript `if` when no test can wait for a call; otherwise `ifChain`,
 * which defers the rest of the statement at the first test that is not known yet.
 */
export function emitIf(stmt: IfStmt, ec: EmitContext): void {
  ec.comment(stmt.span);
  ec.at(stmt.span);
  const s = ec.state;
  if (!stmt.branches.some((branch) => ec.expr.mayPend(branch.test))) {
    // Text may be pending after the `if` when it may be before it or after any branch.
    const before = ec.pendingText;
    let after = stmt.otherwise ? false : before;
    const branch = (body: readonly Stmt[]) => {
      ec.pendingText = before;
      ec.out.indented(() => ec.body(body));
      after ||= ec.pendingText;
    };
    stmt.branches.forEach((b, i) => {
      ec.out.line(`${i === 0 ? 'if' : '} else if'} (isTruthy(${ec.expr.emit(b.test, s)})) {`);
      branch(b.body);
    });
    if (stmt.otherwise) {
      ec.out.line('} else {');
      branch(stmt.otherwise);
    }
    ec.out.line('}');
    ec.pendingText = after;
    return;
  }
  const skeleton = ec.module.constant(
    'DEFER',
    `deferral(${jsLiteral([...assignedNamesOf(stmt)])}, false)`,
  );
  ec.out.line(`ifChain(${s}, ${skeleton}, [`);
  for (const branch of stmt.branches) ec.out.line(`  (${s}) => ${ec.expr.emit(branch.test, s)},`);
  ec.out.line('], [');
  ec.out.indented(() => {
    for (const branch of stmt.branches) ec.out.line(`${ec.arrow(branch.body)},`);
  });
  ec.out.line(`], ${stmt.otherwise ? ec.arrow(stmt.otherwise) : 'null'});`);
}
