import type { BuiltinCallExprIR } from '../../ir/ir.js';
import type { BuiltinCall, ExecState, Value } from './exec-state.js';
import { segmentsToMessages } from './messages.js';
import { collectSegments, joinSegments } from './output-buffer.js';
import { Pending, resolveDeep } from './pending.js';

/**
 * Starts a builtin call now (its arguments are known) and returns its pending result. The
 * prefix is captured as a position, not as text: it is read only if the builtin uses it, and
 * waits only for the text before this point.
 */
export function startBuiltinCall(
  expr: BuiltinCallExprIR,
  args: unknown[],
  kwargs: Record<string, unknown> | null,
  state: ExecState,
): Value {
  const here = state.out.here();
  const segments = () => resolveDeep(collectSegments(here));
  const call: BuiltinCall = {
    builtin: expr.name,
    args,
    kwargs: kwargs ?? {},
    prefixText: async () => joinSegments(await segments()),
    prefixMessages: async () => segmentsToMessages(await segments(), state.template.hasRoles),
    sample: state.sample,
    site: { file: state.template.path, span: state.callBlock ?? expr.span },
    template: state.template,
    resolved: expr.resolved,
  };
  const result = state.run.callBuiltin(call);
  state.run.track(result);
  return new Pending(result);
}
