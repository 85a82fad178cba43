import type { CallTagStmt } from '../../../ir/ir.js';
import { analyzeExpr } from '../expr.js';
import { invokeMacro } from '../invoke-macro.js';
import { nodeKey } from '../node-key.js';
import { addReads, noReads, unionReads } from '../origins.js';
import type { AnalysisState } from '../state.js';

/** `{% call(params) m(args) %}body{% endcall %}`: runs `m` with the body as `caller`. */
export function analyzeCallTag(stmt: CallTagStmt, state: AnalysisState): void {
  const caller = {
    name: 'caller',
    params: stmt.callerParams,
    body: stmt.body,
    template: state.template,
    definitionFrame: state.frame,
    key: `caller:${nodeKey(stmt)}`,
  };
  const callee = analyzeExpr(stmt.call.callee, state);
  const args = stmt.call.args.map((arg) => analyzeExpr(arg, state));
  const kwargs = stmt.call.kwargs.map((kwarg) => ({
    name: kwarg.name,
    value: analyzeExpr(kwarg.value, state),
  }));
  const reads = unionReads(
    callee.reads,
    ...args.map((a) => a.reads),
    ...kwargs.map((k) => k.value.reads),
  );
  if (callee.macro) {
    const withCaller = [...kwargs, { name: 'caller', value: { reads: noReads(), macro: caller } }];
    addReads(reads, invokeMacro(state, callee.macro, args, withCaller, stmt, reads));
  }
  state.out.write(reads.keys());
}
