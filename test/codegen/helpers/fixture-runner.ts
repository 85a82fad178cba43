import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFakeBackend } from '../../../src/backends/fake/fake-backend.js';
import { loadFakeSpec } from '../../../src/backends/fake/load-fake-spec.js';
import { run } from '../../../src/runtime/api/run.js';
import { createRegistry } from '../../../src/runtime/registry/registry.js';
import type { TraceEvent } from '../../../src/runtime/trace.js';
import { loadTemplate } from '../../../src/template.js';
import { errorSummary } from '../../../src/cli/run/format-result.js';
import type { Registry } from '../../../src/runtime/registry/types.js';

/** What one run of a fixture gave: its result or its error, and every call's trace line. */
export type FixtureRun = (
  | { ok: true; text: string; outputs: Record<string, unknown>; result: unknown }
  | { ok: false; error: string }
) & {
  trace: TraceEvent[];
};

/** A fixture directory's inputs (`inputs.json`, or none). */
export function fixtureInputs(dir: string): Record<string, unknown> {
  const path = join(dir, 'inputs.json');
  return existsSync(path)
    ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>)
    : {};
}

/** A registry whose only backend is the fixture's fake (`fake.yaml`), optionally with a latency. */
export function fixtureRegistry(dir: string, latencyMs?: number): Registry {
  const spec = loadFakeSpec(join(dir, 'fake.yaml'));
  if (latencyMs !== undefined) spec.latency_ms = latencyMs;
  return createRegistry([createFakeBackend(spec, 'fake')]);
}

/** Runs `<dir>/flow.ot` through the interpreter, keeping the trace even when the run fails. */
export async function runInterpreted(
  dir: string,
  options: { latencyMs?: number } = {},
): Promise<FixtureRun> {
  const trace: TraceEvent[] = [];
  try {
    const result = await run(loadTemplate(join(dir, 'flow.ot')).run(fixtureInputs(dir)), {
      registry: fixtureRegistry(dir, options.latencyMs),
      trace: (event) => trace.push(event),
    });
    return { ok: true, ...result, trace };
  } catch (error) {
    return { ok: false, error: errorSummary(error), trace };
  }
}

/** The calls of a trace without times, in a stable order (completion order varies). */
export function callsOf(trace: readonly TraceEvent[]) {
  return trace
    .map(({ start_ms: _s, end_ms: _e, ...call }) => call)
    .sort(
      (a, b) =>
        a.location.localeCompare(b.location, 'en', { numeric: true }) ||
        a.sample.localeCompare(b.sample) ||
        String(a.prompt).localeCompare(String(b.prompt)) ||
        JSON.stringify(a.messages).localeCompare(JSON.stringify(b.messages)),
    );
}

/** Every fixture directory with a `flow.ot` and a `fake.yaml`: the runtime's and the plan's. */
export function fixtureDirs(): string[] {
  const roots = [join('test', 'fixtures', 'runtime'), join('test', 'fixtures', 'plan')];
  return roots.flatMap((root) =>
    readdirSync(root, { withFileTypes: true })
      .filter(
        (entry) =>
          entry.isDirectory() &&
          existsSync(join(root, entry.name, 'flow.ot')) &&
          existsSync(join(root, entry.name, 'fake.yaml')),
      )
      .map((entry) => join(root, entry.name)),
  );
}
