import type { Expr } from '../../ir/ir.js';
import type { DependencyReason } from '../plan-types.js';
import { analyzeBody } from './body.js';
import { analyzeExpr, valueOf, type Evaluation } from './expr.js';
import { nodeKey } from './node-key.js';
import { readsOf, type Origin, type Reads } from './origins.js';
import { reportOnce } from './report.js';
import { AbstractBuffer, AbstractFrame, KNOWN, type MacroRef } from './scope.js';
import { withAmbient, type AnalysisState } from './state.js';

/**
 * Inlines a macro where it is called, as the interpreter runs it (src/runtime/interpreter/
 * macro.ts): once its arguments are known (so every call inside waits for them), in a fresh
 * frame, its calls seeing the caller's prefix followed by the macro's own text. Returns what the
 * macro's text reads.
 */
export function invokeMacro(
  state: AnalysisState,
  macro: MacroRef,
  args: readonly Evaluation[],
  kwargs: readonly { name: string; value: Evaluation }[],
  site: Expr | object,
  argReads: Reads,
): Reads {
  if (state.stack.includes(macro.key)) {
    reportOnce(state, 'OT3003', (site as { span: { start: number; end: number } }).span, {
      what: 'macro',
      name: macro.name,
    });
    return new Map();
  }
  const frame = macro.definitionFrame
    ? macro.definitionFrame.push(true)
    : new AbstractFrame(null, false);
  const given = new Map(kwargs.map((k) => [k.name, k.value]));
  const caller = given.get('caller');
  if (caller) frame.set('caller', valueOf(caller));

  // Arguments bind as createMacro binds them; every call inside waits for all of them.
  const waits: [Origin, DependencyReason][] = [];
  const bind = (name: string, value: Evaluation) => {
    frame.set(name, KNOWN);
    for (const origin of value.reads.keys()) waits.push([origin, { kind: 'variable', name }]);
  };
  const positional = macro.params.filter((p) => p.defaultValue === null);
  const keyword = macro.params.filter((p) => p.defaultValue !== null);
  for (let i = 0; i < positional.length; i++) {
    const name = positional[i]!.name;
    const value = i < args.length ? args[i] : given.get(name);
    if (i >= args.length) given.delete(name);
    if (value) bind(name, value);
    else frame.set(name, KNOWN);
  }
  for (let i = positional.length; i < args.length && i - positional.length < keyword.length; i++) {
    given.set(keyword[i - positional.length]!.name, args[i]!);
  }
  const defaulted = keyword.filter((param) => {
    const value = given.get(param.name);
    if (value) bind(param.name, value);
    return !value;
  });
  for (const [origin] of argReads) {
    if (!waits.some(([o]) => o === origin)) waits.push([origin, { kind: 'argument' }]);
  }

  const buffer = new AbstractBuffer(state.out.prefix());
  const inner: AnalysisState = {
    ...withAmbient(state, waits),
    template: macro.template,
    frame,
    out: buffer,
    inLoop: macro.definitionFrame !== null,
    instance: `${state.instance}>m${nodeKey(site)}`,
    stack: [...state.stack, macro.key],
    scope: [
      ...state.scope,
      {
        kind: 'macro',
        name: macro.name,
        file: state.template.path,
        span: (site as { span: { start: number; end: number } }).span,
      },
    ],
    block: null,
  };
  // Defaults are evaluated when the macro runs, in its own frame.
  for (const param of defaulted)
    frame.set(param.name, valueOf(analyzeExpr(param.defaultValue!, inner)));
  analyzeBody(macro.body, inner);
  return readsOf(buffer.own, '');
}
