import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backends/backend.js';
import { BackendError } from '../../src/backends/backend-error.js';
import { createFakeBackend } from '../../src/backends/fake/fake-backend.js';
import type { FakeBackendSpec } from '../../src/backends/fake/fake-spec.js';
import { openCache } from '../../src/cache/open-cache.js';
import type { CallCache } from '../../src/cache/call-cache.js';
import { run } from '../../src/runtime/api/run.js';
import { createRegistry } from '../../src/runtime/registry/registry.js';
import type { TraceEvent } from '../../src/runtime/trace.js';
import { template } from '../../src/template.js';
import { isOtError } from '../../src/diagnostics/ot-error.js';

const flow = [
  '<< a = generate_text("alpha") >>',
  '<< b = generate_text("beta") >>',
  '<< c = generate_text("gamma " ~ a) >>',
].join('\n');

async function runWith(spec: FakeBackendSpec | Backend, cache: CallCache, source = flow) {
  const trace: TraceEvent[] = [];
  const backend = 'complete' in spec ? spec : createFakeBackend(spec, 'fake');
  const outcome = await run(template(source, { path: 'replay.ot' }).run(), {
    registry: createRegistry([backend]),
    cache,
    trace: (event) => trace.push(event),
  }).then(
    (result) => ({ ok: true as const, result }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  return { outcome, trace, called: trace.filter((e) => !e.cached).map((e) => e.prompt) };
}

describe('replay from the cache', () => {
  it('makes no backend call on a second run of a finished flow', async () => {
    const cache = await openCache('memory', { cwd: '.' });
    const spec = { default: 'x' };
    const first = await runWith(spec, cache);
    expect(first.called).toHaveLength(3);
    const second = await runWith(spec, cache);
    expect(second.outcome.ok).toBe(true);
    expect(second.called).toEqual([]);
    expect(second.trace.every((e) => e.cached)).toBe(true);
  });

  it('resumes a flow that failed half-way: only the missing calls are made', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ot-replay-'));
    const cache = await openCache(dir, { cwd: '.' });
    // The same backend (same identity) during an outage that fails the call on beta; editing
    // a fake file instead would give it another identity, and nothing would be replayed.
    const healthy = createFakeBackend({ default: 'x' }, 'fake');
    const outage: Backend = {
      ...healthy,
      complete: (request) =>
        request.prompt?.includes('beta')
          ? Promise.reject(new BackendError('overloaded'))
          : healthy.complete(request),
    };
    const failing = await runWith(outage, cache);
    expect(failing.outcome.ok).toBe(false);
    const error = failing.outcome.ok ? null : failing.outcome.error;
    expect(isOtError(error)).toBe(true);
    expect(String((error as Error).message)).toMatch(
      /generate_text on backend `fake` failed: .*overloaded/,
    );
    await cache.close();

    const reopened = await openCache(dir, { cwd: '.' });
    const resumed = await runWith({ default: 'x' }, reopened);
    expect(resumed.outcome.ok).toBe(true);
    // alpha (and gamma, which only waited for alpha) finished in the failed run; beta did not.
    expect(resumed.called).not.toContain('alpha');
    expect(resumed.called).toContain('beta');
    await reopened.close();
  });

  it('joins identical calls in flight (single flight): one backend call', async () => {
    const cache = await openCache('memory', { cwd: '.' });
    const { trace } = await runWith(
      { default: 'x', latency_ms: 20 },
      cache,
      '<< generate_text("same") >><< generate_text("same") >>',
    );
    expect(trace).toHaveLength(2);
    expect(trace.filter((e) => !e.cached)).toHaveLength(1);
  });

  it('gives different samples of one prompt different keys (generate_texts)', async () => {
    const cache = await openCache('memory', { cwd: '.' });
    const { outcome, trace } = await runWith(
      { replies: [{ match: 'joke', reply: ['a', 'b', 'c'] }] },
      cache,
      '<< j = generate_texts("joke", samples=3) >>',
    );
    expect(outcome.ok && outcome.result.outputs.j).toEqual(['a', 'b', 'c']);
    expect(trace.map((e) => e.sample).sort()).toEqual(['', '1', '2']);
  });
});

describe('errors', () => {
  it('names file:line:col, builtin, backend and cause of a failing call', async () => {
    const cache = await openCache('memory', { cwd: '.' });
    const { outcome } = await runWith(
      { replies: [{ match: 'beta', reply: { error: 'boom' } }], default: 'x' },
      cache,
    );
    expect(outcome.ok).toBe(false);
    const diagnostic = (
      outcome as {
        error: { diagnostics: { code: string; file: string; span: { start: number } }[] };
      }
    ).error.diagnostics[0]!;
    expect(diagnostic.code).toBe('OT4004');
    expect(diagnostic.file).toBe('replay.ot');
    expect(diagnostic.span.start).toBe(flow.indexOf('<< b'));
  });

  it('reports missing and ill-typed inputs before any call', async () => {
    const source = '---\ninput:\n  n: integer\n  name: string\n---\n<< generate_text("hi") >>';
    const trace: TraceEvent[] = [];
    const error = await run(template(source, { path: 'inputs.ot' }).run({ n: 'three' }), {
      registry: createRegistry([createFakeBackend({ default: 'x' }, 'fake')]),
      trace: (event) => trace.push(event),
    }).catch((e: unknown) => e);
    expect(isOtError(error)).toBe(true);
    const codes = (error as { diagnostics: { code: string }[] }).diagnostics
      .map((d) => d.code)
      .sort();
    expect(codes).toEqual(['OT4002', 'OT4003']);
    expect(trace).toEqual([]);
  });
});
