import { createMemoryCache } from '../../src/cache/memory-cache.js';
import { isOtError } from '../../src/diagnostics/ot-error.js';
import { createFakeBackend } from '../../src/backends/fake/fake-backend.js';
import type { FakeBackendSpec } from '../../src/backends/fake/fake-spec.js';
import { run } from '../../src/runtime/api/run.js';
import { createRegistry } from '../../src/runtime/registry/registry.js';
import type { TraceEvent } from '../../src/runtime/trace.js';
import { template } from '../../src/template.js';

/** What a run gave, without what depends on layout (locations) or on timing. */
export interface RenderOutcome {
  text?: string;
  outputs?: Record<string, unknown>;
  /** Every call: builtin, prompt or messages, arguments, result and sample key. */
  calls?: Omit<TraceEvent, 'start_ms' | 'end_ms' | 'location'>[];
  /** The codes and messages of the errors, when the run failed (`calls` then holds those made). */
  errors?: string[];
}

/** The fake backend templates fall back on when their front matter names none. */
export const defaultFakeSpec: FakeBackendSpec = { default: 'REPLY' };

/**
 * Renders `source` as if it were the file at `path` (includes, `flow()` and `fake:` backends
 * resolve next to it), against a fake backend.
 */
export async function renderOutcome(
  source: string,
  path: string,
  options: { inputs?: Record<string, unknown>; spec?: FakeBackendSpec } = {},
): Promise<RenderOutcome> {
  const trace: TraceEvent[] = [];
  const registry = createRegistry([createFakeBackend(options.spec ?? defaultFakeSpec, 'fake')]);
  const calls = () =>
    trace
      .map(({ start_ms: _start, end_ms: _end, location: _location, ...call }) => call)
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  try {
    const result = await run(template(source, { path }).run(options.inputs ?? {}), {
      registry,
      // A cache of its own: the process's shared one would replay the run being compared with.
      cache: createMemoryCache('render-outcome'),
      trace: (event) => trace.push(event),
      onWarning: () => {},
    });
    return { text: result.text, outputs: result.outputs, calls: calls() };
  } catch (error) {
    if (!isOtError(error)) throw error;
    return { calls: calls(), errors: error.diagnostics.map((d) => `${d.code}: ${d.message}`) };
  }
}
