import type { CallTagStmt } from '../../../ir/ir.js';
import { evalArgs, evalExpr, splitArgs } from '../eval-expr.js';
import type { ExecState } from '../exec-state.js';
import { deriveState } from '../exec-state.js';
import { createMacro, isMacro, invokeMacro } from '../macro.js';
import { whenKnown } from '../pending.js';
import { walkWhenAllKnown } from '../walk-later.js';
import { callValue, renderOutput } from '../values.js';
import { withSpan } from '../runtime-error.js';

/** `{% call(params) m(args) %}body{% endcall %}`: calls `m` with the body as `caller`. */
export function execCallTag(stmt: CallTagStmt, state: ExecState): void {
  const caller = createMacro(
    stmt.callerParams,
    stmt.body,
    deriveState(state, { inLoop: true }),
    true,
  );
  const { callee: calleeExpr, args: argExprs, kwargs: kwargExprs } = stmt.call;
  const result = walkWhenAllKnown(
    state,
    [evalExpr(calleeExpr, state), ...evalArgs(argExprs, kwargExprs, state)],
    (later, values) => {
      const [callee, ...rest] = values;
      const { args, kwargs } = splitArgs(rest, kwargExprs);
      const withCaller = { ...(kwargs ?? {}), caller };
      if (isMacro(callee)) return callee[invokeMacro](args, withCaller, later);
      return withSpan(stmt.span, later, () => callValue(callee, args, withCaller, 'caller'));
    },
  );
  state.out.write(whenKnown(result, renderOutput));
}
