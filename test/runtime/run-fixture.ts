import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../src/runtime/api/run.js';
import { createRegistry } from '../../src/runtime/registry/registry.js';
import type { TraceEvent } from '../../src/runtime/trace.js';
import { createFakeBackend } from '../../src/backends/fake/fake-backend.js';
import { loadFakeSpec } from '../../src/backends/fake/load-fake-spec.js';
import { loadTemplate } from '../../src/template.js';
import type { CallCache } from '../../src/cache/call-cache.js';

/** What a runtime fixture produced: the result and every call, in a stable order. */
export interface FixtureOutcome {
  text: string;
  outputs: Record<string, unknown>;
  result: unknown;
  calls: Omit<TraceEvent, 'start_ms' | 'end_ms' | 'backend'>[];
  trace: TraceEvent[];
}

/** Runs `test/fixtures/runtime/<name>/flow.ot` against its fake backend and inputs. */
export async function runFixture(
  dir: string,
  options: { cache?: CallCache; latencyMs?: number } = {},
): Promise<FixtureOutcome> {
  const spec = loadFakeSpec(join(dir, 'fake.yaml'));
  if (options.latencyMs !== undefined) spec.latency_ms = options.latencyMs;
  const backend = createFakeBackend(spec, 'fake');
  const inputsPath = join(dir, 'inputs.json');
  const inputs = existsSync(inputsPath)
    ? (JSON.parse(readFileSync(inputsPath, 'utf8')) as Record<string, unknown>)
    : {};
  const trace: TraceEvent[] = [];
  const result = await run(loadTemplate(join(dir, 'flow.ot')).run(inputs), {
    registry: createRegistry([backend]),
    trace: (event) => trace.push(event),
    ...(options.cache ? { cache: options.cache } : {}),
  });
  const calls = trace
    .map(({ start_ms: _s, end_ms: _e, backend: _b, ...call }) => call)
    .sort((a, b) => compareCalls(a, b));
  return { ...result, calls, trace };
}

function compareCalls(
  a: { location: string; sample: string; prompt: string | null },
  b: typeof a,
): number {
  return (
    a.location.localeCompare(b.location, 'en', { numeric: true }) ||
    a.sample.localeCompare(b.sample) ||
    String(a.prompt).localeCompare(String(b.prompt))
  );
}
