import type { Message } from '../../backends/backend.js';
import type { ActiveTemplate } from '../active-templates.js';
import type { BuiltinName, ProgramIR, TemplateIR } from '../../ir/ir.js';
import type { Span } from '../../source/span.js';
import type { Context, Frame } from './frame.js';
import type { LexicalScope } from './lexical-scope.js';
import type { OutputBuffer } from './output-buffer.js';
import type { MaybePending } from './pending.js';
import type { OrderCursor } from '../source-order.js';
import type { PlacedImage } from './placed-image.js';

/** Where a call block stands in the source, for errors and traces. */
export interface CallSite {
  file: string;
  span: Span;
}

/** Everything a builtin needs from the template at the point where it is called. */
export interface BuiltinCall {
  builtin: BuiltinName;
  /** Evaluated positional arguments. */
  args: unknown[];
  /** Evaluated keyword arguments, in source order. */
  kwargs: Record<string, unknown>;
  /** The prefix as text (roles ignored); computed only if the builtin asks for it. */
  prefixText: () => Promise<string>;
  /** The images placed in the prefix (`{{ image(…) }}`), read, in order. */
  prefixImages: () => Promise<PlacedImage[]>;
  /** The end of the prefix rendered since the last call block's reply (all of it if none). */
  prefixSinceLastCall: () => Promise<string>;
  /** The prefix as chat messages grouped by role. */
  prefixMessages: () => Promise<Message[]>;
  /** The sample key of this call's context (fork branches add suffixes). */
  sample: string;
  site: CallSite;
  template: TemplateIR;
  /** For `flow`: the key of the called template in the program, when its path is a literal. */
  resolved: string | null;
  /** The call's place in source order, open until the call settles (its model calls take keys). */
  order: OrderCursor;
}

/** What the interpreter needs from the run around it: calls, flows, and failure handling. */
export interface RunServices {
  readonly program: ProgramIR;
  /** Starts a builtin call; resolves to its raw result. */
  callBuiltin(call: BuiltinCall): Promise<unknown>;
  /** Keeps the run open until `work` settles; a failure fails the run. */
  track(work: Promise<unknown>): void;
  /** `file:line:col` of a call site, for traces and errors. */
  locate(site: CallSite): string;
  /** Loads a template reached only at run time (a computed include or flow path). */
  loadTemplate(
    path: string,
    from: TemplateIR,
    site: CallSite,
    kind: 'include' | 'flow',
  ): TemplateIR;
  /**
   * Where a path relative to the program's template keys is on disk (an image file): a compiled
   * module's keys start from the directory it was compiled in. Absent: the working directory.
   */
  locateFile?(path: string): string;
  /** The templates being rendered at this point, outermost first (absent: only the entry). */
  readonly active?: readonly ActiveTemplate[];
  /** These services inside `active` (so `flow()` calls made there know it; see enterTemplate). */
  withActive?(active: readonly ActiveTemplate[]): RunServices;
  /** Where the rendering's calls stand in the run's source order (absent: nowhere tracked). */
  readonly order?: OrderCursor;
}

/** Names bound by call blocks, per scope; loops collect one entry per iteration. */
export interface OutputCollector {
  values: Record<string, unknown>;
  /** Set on a loop iteration's collector: keeps the loop's output lists up to date. */
  onBind?: (name: string, value: unknown) => void;
}

/** The state of the walk at one point: immutable by convention, copied when a scope changes. */
export interface ExecState {
  readonly run: RunServices;
  readonly template: TemplateIR;
  readonly frame: Frame;
  readonly context: Context;
  readonly out: OutputBuffer;
  readonly sample: string;
  readonly outputs: OutputCollector;
  /**
   * True inside a loop or `call` body: nunjucks then stores a macro definition in the frame
   * rather than the context (it decides this when compiling, from the frame nesting).
   */
  readonly inLoop: boolean;
  /** The call block being evaluated: errors and traces name its position (LANGUAGE.md §9). */
  readonly callBlock?: Span | null;
  /** Loop targets and positional macro parameters in scope (see LexicalScope). */
  readonly lexical?: LexicalScope | null;
  /** Hands out the source-order places of the calls the walk reaches here (source-order.ts). */
  readonly order: OrderCursor;
}

/** Shorthand for an evaluated value that may still be pending. */
export type Value = MaybePending<unknown>;

/**
 * A state with some fields changed. Spelled out field by field rather than spread: every state
 * then has one object shape, and building one is a fraction of a spread's cost (this runs for
 * every loop, capture, call block and macro call).
 */
export function deriveState(state: ExecState, changes: Partial<ExecState>): ExecState {
  return {
    run: changes.run ?? state.run,
    template: changes.template ?? state.template,
    frame: changes.frame ?? state.frame,
    context: changes.context ?? state.context,
    out: changes.out ?? state.out,
    sample: changes.sample ?? state.sample,
    outputs: changes.outputs ?? state.outputs,
    inLoop: changes.inLoop ?? state.inLoop,
    callBlock: 'callBlock' in changes ? changes.callBlock : (state.callBlock ?? null),
    lexical: 'lexical' in changes ? changes.lexical : (state.lexical ?? null),
    order: changes.order ?? state.order,
  };
}
