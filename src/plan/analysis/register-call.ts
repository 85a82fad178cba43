import type { BuiltinCallExprIR, TemplateIR } from '../../ir/ir.js';
import { countOf, multiplyCounts, type Count } from '../count.js';
import type { DependencyReason, GuardChoice, ModelBuiltin, PromptSource } from '../plan-types.js';
import { nodeKey } from './node-key.js';
import { parseOrigin, type Origin, type Reads } from './origins.js';
import type { AnalysisState, CallNode, GuardNode } from './state.js';

/**
 * Records a model call site reached by the walk, or adds what this pass found to it: what it
 * waits for — its arguments (`reads`), its prefix unless it has an explicit prompt, and the
 * conditions and loop lists around it (LANGUAGE.md §8) — and where it stands.
 */
export function registerCall(
  state: AnalysisState,
  expr: BuiltinCallExprIR & { name: ModelBuiltin },
  reads: Reads,
  samples: Count,
): string {
  const { analysis } = state;
  const key = `${state.instance}/${nodeKey(expr)}`;
  let node = analysis.calls.get(key);
  if (!node) {
    node = {
      id: `c${analysis.calls.size + 1}`,
      builtin: expr.name,
      file: state.template.path,
      span: expr.span,
      blockSpan: state.block?.span ?? expr.span,
      prompt: promptSource(expr, state.template),
      waits: new Map(),
      repeat: state.repeat,
      samples,
      guards: state.guards.map(({ guard, branch }) => materialiseGuard(state, guard, branch)),
      scope: [...state.scope],
    };
    analysis.calls.set(key, node);
  }

  for (const [origin, names] of reads) {
    for (const name of names)
      addWait(node, origin, name === '' ? { kind: 'argument' } : { kind: 'variable', name });
  }
  for (const [origin, reasons] of state.ambient)
    for (const reason of reasons) addWait(node, origin, reason);
  if (node.prompt === 'prefix')
    for (const origin of state.out.prefix()) addWait(node, origin, PREFIX);

  for (const loopKey of state.loops) {
    const loop = analysis.loops.get(loopKey)!;
    loop.id ??= `l${++analysis.nextLoopId}`;
    loop.calls.add(key);
  }
  return node.id;
}

/** How many requests one run of a call site makes: `samples` of `generate_texts`, else 1. */
export function samplesOf(expr: BuiltinCallExprIR, samples: Count | null): Count {
  return expr.name === 'generate_texts' ? (samples ?? countOf(1)) : countOf(1);
}

/** The repeat count inside a loop of `iterations`. */
export function repeatInside(state: AnalysisState, iterations: Count): Count {
  return multiplyCounts(state.repeat, iterations);
}

/**
 * Where the call's prompt comes from, as the builtins decide it (src/runtime/template-builtins):
 * an explicit prompt — the first positional argument (the second for `select`), else `prompt=`
 * (`messages=` for `chat`), else the front matter's defaults — unless it is a literal `none`.
 */
export function promptSource(expr: BuiltinCallExprIR, template: TemplateIR): PromptSource {
  const position = expr.name === 'select' ? 1 : 0;
  const keyword = expr.name === 'chat' ? 'messages' : 'prompt';
  const explicit =
    expr.args.length > position
      ? expr.args[position]
      : expr.kwargs.find((k) => k.name === keyword)?.value;
  if (explicit && !(explicit.kind === 'literal' && explicit.value === null)) return 'explicit';
  const fromDefaults = template.meta.defaults[expr.name]?.[keyword];
  return fromDefaults !== undefined && fromDefaults !== null ? 'explicit' : 'prefix';
}

function addWait(node: CallNode, origin: Origin, reason: DependencyReason): void {
  const { call, loop } = parseOrigin(origin);
  const key = loop === null ? call : `${call}@${loop}`;
  let wait = node.waits.get(key);
  if (!wait) {
    wait = { call, previousIteration: loop, reasons: [] };
    node.waits.set(key, wait);
  }
  const text = reasonKey(reason);
  if (!wait.reasons.some((r) => reasonKey(r) === text)) wait.reasons.push(reason);
}

/** A reason's identity; the common kinds without `JSON.stringify`, which a long chain calls n² times. */
function reasonKey(reason: DependencyReason): string {
  switch (reason.kind) {
    case 'argument':
    case 'prefix':
      return reason.kind;
    case 'variable':
      return `variable\0${reason.name}`;
    default:
      return JSON.stringify(reason);
  }
}

/** The reason every prefix wait shares (plain data, never changed once made). */
const PREFIX: DependencyReason = Object.freeze({ kind: 'prefix' });

function materialiseGuard(state: AnalysisState, guard: GuardNode, branch: number): GuardChoice {
  // Ids are given here only, as guards join the list: the list's length counts them.
  if (guard.id === null) {
    guard.id = `g${state.analysis.guards.length + 1}`;
    state.analysis.guards.push(guard);
  }
  return { guard: guard.id, branch };
}
