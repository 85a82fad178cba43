import type { BuiltinCallExprIR } from '../../ir/ir.js';
import type { DependencyReason } from '../plan-types.js';
import { analyzeBody } from './body.js';
import type { Evaluation } from './expr.js';
import { templateContext } from './template-context.js';
import { nodeKey } from './node-key.js';
import { addReads, readsOf, unionReads, type Origin, type Reads } from './origins.js';
import { reportOnce } from './report.js';
import { AbstractBuffer, AbstractFrame, type AbstractValue } from './scope.js';
import { withAmbient, type AnalysisState, type FlowNode } from './state.js';

/**
 * `flow("file.ot", …)`: the other file runs in a fresh scope (empty prefix) once the arguments
 * are known, so each of its calls waits for what the arguments read; the flow's result is
 * known when its text and every value its call blocks bind are (src/runtime/run-program.ts).
 */
export function analyzeFlowCall(
  expr: BuiltinCallExprIR,
  args: readonly Evaluation[],
  kwargs: readonly { name: string; value: Evaluation }[],
  state: AnalysisState,
): Reads {
  const argReads = unionReads(...args.map((a) => a.reads), ...kwargs.map((k) => k.value.reads));
  if (expr.resolved === null) {
    reportOnce(state, 'OT3001', expr.span, {});
    return argReads;
  }
  const template = state.analysis.program.templates[expr.resolved];
  const stackKey = `flow:${expr.resolved}`;
  if (!template) return argReads;
  if (state.stack.includes(stackKey)) {
    reportOnce(state, 'OT3003', expr.span, { what: 'flow', name: expr.resolved });
    return argReads;
  }

  const instance = `${state.instance}>f${nodeKey(expr)}`;
  const flow = flowNode(state, instance, expr);
  const waits: [Origin, DependencyReason][] = [];
  const inputs = new Map<string, AbstractValue>();
  for (const { name, value } of kwargs) {
    if (name === 'path') continue;
    // An input is a known value inside the flow: the flow starts once its arguments are known.
    inputs.set(
      name,
      value.constant ? { origins: new Set(), constant: value.constant } : { origins: new Set() },
    );
    for (const origin of value.reads.keys()) waits.push([origin, { kind: 'flow input', name }]);
  }
  for (const origin of argReads.keys())
    if (!waits.some(([o]) => o === origin)) waits.push([origin, { kind: 'argument' }]);
  for (const [origin, reasons] of waitsOf(waits)) flow.waits.set(origin, reasons);

  const frame = new AbstractFrame(null, false);
  frame.topLevel = true;
  const out = new AbstractBuffer(new Set());
  const bound = new Set<Origin>();
  analyzeBody(template.body, {
    ...withAmbient(state, waits),
    template,
    frame,
    context: templateContext(template, inputs),
    out,
    instance,
    stack: [...state.stack, stackKey],
    scope: [...state.scope, { kind: 'flow', flow: flow.id, template: template.path }],
    block: null,
    bound,
    inLoop: false,
  });

  for (const [key, node] of state.analysis.calls)
    if (key.startsWith(`${instance}/`) || key.startsWith(`${instance}>`)) flow.calls.add(node.id);
  const result = new Set([...out.own, ...bound]);
  for (const origin of result) flow.result.add(origin);
  // Every call of the flow waits for the arguments, so only a call-free flow's result reads them.
  return result.size > 0 ? readsOf(result, '') : addReads(new Map(), argReads);
}

function flowNode(state: AnalysisState, instance: string, expr: BuiltinCallExprIR): FlowNode {
  let flow = state.analysis.flowsByKey.get(instance);
  if (!flow) {
    flow = {
      id: `f${state.analysis.flows.length + 1}`,
      file: state.template.path,
      span: expr.span,
      template: expr.resolved!,
      calls: new Set(),
      waits: new Map(),
      result: new Set(),
    };
    state.analysis.flows.push(flow);
    state.analysis.flowsByKey.set(instance, flow);
  }
  return flow;
}

function waitsOf(waits: readonly [Origin, DependencyReason][]): Map<Origin, DependencyReason[]> {
  const result = new Map<Origin, DependencyReason[]>();
  for (const [origin, reason] of waits) result.set(origin, [...(result.get(origin) ?? []), reason]);
  return result;
}
