import type { TemplateIR } from '../../ir/ir.js';
import { execBody } from './exec.js';
import type { ExecState, OutputCollector, RunServices } from './exec-state.js';
import { Context, Frame } from './frame.js';
import { collectText, OutputBuffer } from './output-buffer.js';
import { imagePlaceholder } from './placed-image.js';
import { Pending, resolveDeep } from './pending.js';
import { createGlobals } from './values.js';
import { OrderBook } from '../source-order.js';

/** The result of rendering one template: its text and the names its call blocks bound. */
export interface RenderResult {
  text: string;
  outputs: Record<string, unknown>;
}

/** Options of one template's rendering within a run. */
export interface InterpretOptions {
  /** The sample key the template's calls start from (a `flow()` inherits its caller's). */
  sample?: string;
}

/** Writes a template's body into a fresh top-level state: the interpreter, or generated code. */
export type BodyRenderer = (state: ExecState) => void;

/**
 * Renders a template against `inputs`, starting its calls through `run` as soon as what each
 * reads is known, and assembling text in source order. The walk itself is synchronous; the
 * returned promise settles when the text and every output are known. Work that outlives the
 * text (a call whose result nothing reads) is kept by `run.track`.
 */
export function interpret(
  template: TemplateIR,
  inputs: Record<string, unknown>,
  run: RunServices,
  options: InterpretOptions = {},
): Promise<RenderResult> {
  return renderWith(template, inputs, run, options.sample ?? '', (state) =>
    execBody(template.body, state),
  );
}

/** Synchronous rendering for templates that make no calls (no promise is created at all). */
export function renderSync(
  template: TemplateIR,
  inputs: Record<string, unknown>,
  run: RunServices,
): string {
  return renderSyncWith(template, inputs, run, (state) => execBody(template.body, state));
}

/** `interpret` with another body renderer (compiled modules pass their generated code). */
export async function renderWith(
  template: TemplateIR,
  inputs: Record<string, unknown>,
  run: RunServices,
  sample: string,
  renderBody: BodyRenderer,
): Promise<RenderResult> {
  const { out, outputs } = walk(template, inputs, run, sample, renderBody);
  const text = await resolveDeep(collectText(out.here(), imagePlaceholder));
  const resolved: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(outputs.values)) {
    resolved[name] = await resolveNested(value);
  }
  return { text, outputs: resolved };
}

/** `renderSync` with another body renderer. */
export function renderSyncWith(
  template: TemplateIR,
  inputs: Record<string, unknown>,
  run: RunServices,
  renderBody: BodyRenderer,
): string {
  const { out } = walk(template, inputs, run, '', renderBody);
  const text = collectText(out.here(), imagePlaceholder);
  if (text instanceof Pending) throw new Error('the template made a model call; run it instead');
  return text;
}

/**
 * nunjucks' globals (`range`, `cycler`, `joiner`) are stateless factories, shared by every
 * render as nunjucks shares them through its Environment.
 */
const GLOBALS = createGlobals();

/** The source order of renderings outside a run (nothing listens to it, so it keeps nothing). */
const UNTRACKED = new OrderBook();

/** Runs the synchronous walk over the template body from a fresh top-level scope. */
function walk(
  template: TemplateIR,
  inputs: Record<string, unknown>,
  run: RunServices,
  sample: string,
  renderBody: BodyRenderer,
): { out: OutputBuffer; outputs: OutputCollector } {
  const frame = new Frame(null, false);
  frame.topLevel = true;
  const out = new OutputBuffer(null);
  const outputs: OutputCollector = { values: {} };
  // Every field present from the start, in one order, so all states share one shape.
  const state: ExecState = {
    run,
    template,
    frame,
    context: new Context({ ...inputs }, GLOBALS),
    out,
    sample,
    outputs,
    inLoop: false,
    callBlock: null,
    lexical: null,
    order: run.order ?? UNTRACKED.root,
  };
  renderBody(state);
  return { out, outputs };
}

/** Resolves a value whose lists (outputs of loops) may hold pending entries. */
async function resolveNested(value: unknown): Promise<unknown> {
  const known = await resolveDeep(value);
  if (Array.isArray(known)) return Promise.all(known.map(resolveNested));
  return known;
}
