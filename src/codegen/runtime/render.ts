import type {
  ExecState,
  OutputCollector,
  RunServices,
} from '../../runtime/interpreter/exec-state.js';
import { Context, Frame } from '../../runtime/interpreter/frame.js';
import type { RenderResult } from '../../runtime/interpreter/interpret.js';
import { collectText, OutputBuffer } from '../../runtime/interpreter/output-buffer.js';
import { Pending, resolveDeep } from '../../runtime/interpreter/pending.js';
import { createGlobals } from '../../runtime/interpreter/values.js';
import type { CompiledTemplate } from './compiled-template.js';

/**
 * Renders a compiled template as `interpret` renders an IR template: a fresh top-level scope
 * (inputs, then nunjucks' globals), the generated code walked synchronously, calls started as
 * soon as what they read is known; settles when the text and every output are known.
 */
export async function renderCompiled(
  compiled: CompiledTemplate,
  inputs: Record<string, unknown>,
  run: RunServices,
  sample = '',
): Promise<RenderResult> {
  const { out, outputs } = walk(compiled, inputs, run, sample);
  const text = await resolveDeep(collectText(out.here()));
  const resolved: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(outputs.values))
    resolved[name] = await resolveNested(value);
  return { text, outputs: resolved };
}

/** Synchronous rendering for templates that make no calls (benchmarks, call-free templates). */
export function renderCompiledSync(
  compiled: CompiledTemplate,
  inputs: Record<string, unknown>,
  run: RunServices,
): string {
  const { out } = walk(compiled, inputs, run, '');
  const text = collectText(out.here());
  if (text instanceof Pending) throw new Error('renderCompiledSync: the template made a call');
  return text;
}

/** nunjucks' globals are stateless factories, shared by every render (as the interpreter shares them). */
const GLOBALS = createGlobals();

function walk(
  compiled: CompiledTemplate,
  inputs: Record<string, unknown>,
  run: RunServices,
  sample: string,
): { out: OutputBuffer; outputs: OutputCollector } {
  const frame = new Frame(null, false);
  frame.topLevel = true;
  const out = new OutputBuffer(null);
  const outputs: OutputCollector = { values: {} };
  const state: ExecState = {
    run,
    template: compiled.template,
    frame,
    context: new Context({ ...inputs }, GLOBALS),
    out,
    sample,
    outputs,
    inLoop: false,
    callBlock: null,
    // Every field present from the start, in one order: the states derived from this one by
    // spreading then share one shape, which keeps property reads in generated code fast.
    lexical: null,
  };
  compiled.render(state);
  return { out, outputs };
}

async function resolveNested(value: unknown): Promise<unknown> {
  const known = await resolveDeep(value);
  if (Array.isArray(known)) return Promise.all(known.map(resolveNested));
  return known;
}
