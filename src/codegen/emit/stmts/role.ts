import type { RoleStmt } from '../../../ir/ir.js';
import type { EmitContext } from '../emit-context.js';
import { jsString } from '../js-literal.js';

/** `{% role "system" %}…{% endrole %}`: the text inside is spoken by that role. */
export function emitRole(stmt: RoleStmt, ec: EmitContext): void {
  ec.comment(stmt.span);
  const previous = ec.scope.local('role');
  ec.out.block('{', () => {
    ec.out.line(`const ${previous} = ${ec.state}.out.role;`);
    ec.out.line(`${ec.state}.out.role = ${jsString(stmt.role)};`);
    ec.out.block(
      'try {',
      () => {
        ec.body(stmt.body);
        ec.flush();
      },
      '} finally {',
    );
    ec.out.line(`  ${ec.state}.out.role = ${previous};`);
    ec.out.line('}');
  });
}
