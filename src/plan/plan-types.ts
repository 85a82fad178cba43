import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { BuiltinName } from '../ir/ir.js';
import type { Span } from '../source/span.js';
import type { Count } from './count.js';

/**
 * The parallel plan of a program: plain JSON-serialisable data, like the IR, so that the CLI,
 * the code generator and the language server can print, embed or send it as is. Offsets only:
 * the printers turn spans into `file:line:col`.
 */
export interface Plan {
  kind: 'plan';
  /** The entry template's path. */
  entry: string;
  /** Every model call the program can make, in source order (`flow()` files and macros inlined). */
  calls: PlannedCall[];
  /** Calls grouped by stage, first stage first. */
  stages: PlannedStage[];
  /** Every `for` loop and `fork` that contains calls, and whether its iterations overlap. */
  loops: PlannedLoop[];
  /** Every `flow()` call whose file is known, with the calls it runs. */
  flows: PlannedFlow[];
  /** The longest chain of calls that wait for one another. */
  criticalPath: CriticalPath;
  /** How many model requests a run makes (a `generate_texts` sample counts as one). */
  estimate: CallEstimate;
  /** Guards (conditions) that decide whether calls run, referenced by `PlannedCall.guards`. */
  guards: PlannedGuard[];
  /** What the plan could not see (computed include paths, recursion…). */
  diagnostics: Diagnostic[];
}

/** The builtins that reach a model (`flow` runs another file and is planned through its calls). */
export type ModelBuiltin = Exclude<BuiltinName, 'flow'>;

/** Where a call's prompt comes from: the text before it, or an argument. */
export type PromptSource = 'prefix' | 'explicit';

/** One call site of a model builtin, in one instantiation (a macro called twice is two calls). */
export interface PlannedCall {
  /** `c1`, `c2`, … in source order. */
  id: string;
  builtin: ModelBuiltin;
  /** The file of the call (an included or `flow()` file for calls inside one). */
  file: string;
  /** The builtin call itself: what traces and run-time errors point at. */
  span: Span;
  /** The whole call block `<< … >>`. */
  blockSpan: Span;
  prompt: PromptSource;
  /** The calls whose results it reads, and how. */
  waitsFor: Dependency[];
  /** 1 for calls that wait for nothing; otherwise one more than the latest call it waits for. */
  stage: number;
  /** How many times the call site runs: the product of the iterations of the loops around it. */
  repeat: Count;
  /** Requests per run of the call site (`generate_texts(samples=N)`), else 1. */
  samples: Count;
  /** The guards that must hold for it to run (ids into `Plan.guards`), outermost first. */
  guards: GuardChoice[];
  /** The constructs around the call, outermost first (for people: "in loop l1, macro ask"). */
  scope: ScopeEntry[];
}

/** Why one call waits for another. */
export interface Dependency {
  /** The id of the call waited for. */
  call: string;
  reasons: DependencyReason[];
  /**
   * Set when the wait is on the call's run in the previous iteration of this loop (a loop whose
   * iterations cannot overlap).
   */
  previousIteration?: string;
}

/**
 * How a call comes to read another's result:
 * - `variable`: it reads a variable whose value comes from the other call (`name`);
 * - `argument`: the other call or a macro running it is nested in this call's arguments;
 * - `prefix`: the other call's text is part of this call's prompt (LANGUAGE.md §5);
 * - `condition`: an `if` (or `a if c else b`, `and`, `or`) around it reads the other result;
 * - `loop list`: the list of a `for` loop around it does;
 * - `fork`: the list of a `fork`'s loop around it does (it decides the branches);
 * - `flow input`: it runs in a `flow()` file whose input `name` does.
 */
export type DependencyReason =
  | { kind: 'variable'; name: string }
  | { kind: 'argument' }
  | { kind: 'prefix' }
  | { kind: 'condition'; names: string[] }
  | { kind: 'loop list'; names: string[] }
  | { kind: 'fork'; names: string[] }
  | { kind: 'flow input'; name: string };

/** The kinds of DependencyReason. */
export type DependencyKind = DependencyReason['kind'];

/** The calls of one stage. */
export interface PlannedStage {
  stage: number;
  calls: string[];
}

/** A `for` loop, a `fork` over a loop, or a `fork` of branches. */
export interface PlannedLoop {
  /** `l1`, `l2`, … */
  id: string;
  kind: 'for' | 'fork loop' | 'fork';
  file: string;
  span: Span;
  /** Iterations (branches for a `fork` of branches), a number or a symbol such as `len(items)`. */
  iterations: Count;
  /** True when the iterations' calls may overlap (no iteration waits for an earlier one). */
  concurrent: boolean;
  /** The calls inside, in source order. */
  calls: string[];
  /** Why the iterations cannot overlap: a call waiting for a call of the previous iteration. */
  carried: { call: string; waitsFor: string; reasons: DependencyReason[] }[];
}

/** A `flow("file.ot", …)` call site. */
export interface PlannedFlow {
  /** `f1`, `f2`, … */
  id: string;
  file: string;
  span: Span;
  /** The called template's path. */
  template: string;
  /** The calls the flow makes. */
  calls: string[];
  /** The calls its inputs wait for (every call of the flow waits for them too). */
  waitsFor: Dependency[];
  /** The calls whose results make up the flow's result (text and bound outputs). */
  result: string[];
}

/** Something that decides whether calls run. */
export interface PlannedGuard {
  /** `g1`, `g2`, … */
  id: string;
  kind: 'if' | 'conditional' | 'loop else';
  file: string;
  span: Span;
  /** How many alternatives it has. */
  branches: number;
  /** True when one of the alternatives always runs (an `if` with `else`). */
  exhaustive: boolean;
}

/** One alternative of a guard. */
export interface GuardChoice {
  guard: string;
  branch: number;
}

/** One construct around a call. */
export type ScopeEntry =
  | { kind: 'loop'; loop: string }
  | { kind: 'branch'; loop: string; branch: number }
  | { kind: 'capture'; file: string; span: Span }
  | { kind: 'role'; role: string }
  | { kind: 'include'; file: string; span: Span; template: string }
  | { kind: 'flow'; flow: string; template: string }
  | { kind: 'macro'; name: string; file: string; span: Span };

/** The longest chain of calls that wait for one another. */
export interface CriticalPath {
  /** From the first call to the last. */
  calls: string[];
  /** In calls; a call in a loop whose iterations cannot overlap counts once per iteration. */
  length: Count;
}

/** Bounds on the model requests of a run. */
export interface CallEstimate {
  /** Requests made whatever the conditions decide. */
  min: Count;
  /** Requests made if every condition picks the costliest branch. */
  max: Count;
}
