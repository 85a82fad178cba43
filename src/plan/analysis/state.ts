import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { CallBlockStmt, ProgramIR, TemplateIR } from '../../ir/ir.js';
import type { Count } from '../count.js';
import type {
  DependencyReason,
  GuardChoice,
  ModelBuiltin,
  PlannedGuard,
  PromptSource,
  ScopeEntry,
} from '../plan-types.js';
import type { Origin } from './origins.js';
import type { AbstractBuffer, AbstractContext, AbstractFrame } from './scope.js';

/** A call site found by the analysis, with the waits gathered over every pass. */
export interface CallNode {
  id: string;
  builtin: ModelBuiltin;
  file: string;
  span: { start: number; end: number };
  blockSpan: { start: number; end: number };
  prompt: PromptSource;
  /** Keyed by `call` or `call@loop` (a previous iteration's run). */
  waits: Map<
    string,
    { call: string; previousIteration: string | null; reasons: DependencyReason[] }
  >;
  repeat: Count;
  samples: Count;
  guards: GuardChoice[];
  scope: ScopeEntry[];
}

/** A loop or fork found by the analysis. */
export interface LoopNode {
  id: string | null;
  kind: 'for' | 'fork loop' | 'fork';
  file: string;
  span: { start: number; end: number };
  iterations: Count;
  /** Keys of the calls registered inside (any pass). */
  calls: Set<string>;
}

/** A `flow()` call site. */
export interface FlowNode {
  id: string;
  file: string;
  span: { start: number; end: number };
  template: string;
  calls: Set<string>;
  waits: Map<Origin, DependencyReason[]>;
  result: Set<Origin>;
}

/** A guard, materialised (given an id) when the first call under it is found. */
export interface GuardNode {
  descriptor: Omit<PlannedGuard, 'id'>;
  id: string | null;
}

/** What the whole analysis of one program collects. */
export interface Analysis {
  program: ProgramIR;
  /** Call sites by instantiation key. */
  calls: Map<string, CallNode>;
  loops: Map<string, LoopNode>;
  loopOrder: LoopNode[];
  flows: FlowNode[];
  /** Every flow call site by instantiation key, so loop passes reuse them. */
  flowsByKey: Map<string, FlowNode>;
  /** Materialised guards, in order of their ids. */
  guards: GuardNode[];
  /** Every guard by instantiation key, so loop passes reuse them. */
  guardsByKey: Map<string, GuardNode>;
  diagnostics: Diagnostic[];
  /** Keys of diagnostics already reported (a loop's second pass must not repeat them). */
  reported: Set<string>;
  nextLoopId: number;
}

/**
 * The analysis' counterpart of the interpreter's ExecState: where the walk stands. Immutable by
 * convention (copied when a scope changes); the frames, context and buffer are mutable stores.
 */
export interface AnalysisState {
  readonly analysis: Analysis;
  readonly template: TemplateIR;
  readonly frame: AbstractFrame;
  readonly context: AbstractContext;
  readonly out: AbstractBuffer;
  /** What every call here waits for besides its own arguments and prefix (conditions, loop lists…). */
  readonly ambient: ReadonlyMap<Origin, readonly DependencyReason[]>;
  /** The instantiation path: macro invocations, includes and flows that led here. */
  readonly instance: string;
  /** Macros, includes and flows being expanded (to stop recursion). */
  readonly stack: readonly string[];
  readonly scope: readonly ScopeEntry[];
  readonly guards: readonly { guard: GuardNode; branch: number }[];
  /** Product of the iterations of the loops around. */
  readonly repeat: Count;
  /** Keys of the loops around (innermost last). */
  readonly loops: readonly string[];
  /** The call block being evaluated (builtin calls belong to it). */
  readonly block: CallBlockStmt | null;
  /** Origins of every value bound by a call block in this template run (a flow's result waits for them). */
  readonly bound: Set<Origin>;
  readonly inLoop: boolean;
}

/** A copy of `ambient` with `reads` added under a reason built from their names. */
export function withAmbient(
  state: AnalysisState,
  origins: Iterable<[Origin, DependencyReason]>,
): AnalysisState {
  const ambient = new Map<Origin, DependencyReason[]>();
  for (const [origin, reasons] of state.ambient) ambient.set(origin, [...reasons]);
  for (const [origin, reason] of origins) {
    const reasons = ambient.get(origin) ?? [];
    if (!reasons.some((r) => JSON.stringify(r) === JSON.stringify(reason))) reasons.push(reason);
    ambient.set(origin, reasons);
  }
  return { ...state, ambient };
}
