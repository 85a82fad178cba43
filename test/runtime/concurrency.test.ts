import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFakeBackend } from '../../src/backends/fake/fake-backend.js';
import { run } from '../../src/runtime/api/run.js';
import { createRegistry } from '../../src/runtime/registry/registry.js';
import type { TraceEvent } from '../../src/runtime/trace.js';
import { template } from '../../src/template.js';

/** Runs a template against a fake that answers every prompt after `latency` ms. */
async function traceOf(
  source: string,
  inputs: Record<string, unknown> = {},
  latency = 40,
): Promise<TraceEvent[]> {
  const backend = createFakeBackend({ latency_ms: latency, default: 'ok' }, 'fake');
  const trace: TraceEvent[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'ot-concurrency-'));
  writeFileSync(join(dir, 'flow.ot'), source);
  await run(template(source, { path: join(dir, 'flow.ot') }).run(inputs), {
    registry: createRegistry([backend]),
    trace: (event) => trace.push(event),
  });
  return trace;
}

const overlap = (a: TraceEvent, b: TraceEvent) => a.start_ms < b.end_ms && b.start_ms < a.end_ms;
const byPrompt = (trace: TraceEvent[], text: string) =>
  trace.find((e) => e.prompt?.includes(text))!;

describe('dataflow scheduling, read from the trace (never from wall-clock totals)', () => {
  it('runs independent calls of a loop at the same time', async () => {
    const trace = await traceOf(
      '{% for x in items %}<< generate_text(prompt="item " ~ x) >>{% endfor %}',
      { items: [1, 2, 3, 4, 5] },
    );
    expect(trace).toHaveLength(5);
    for (const a of trace) for (const b of trace) if (a !== b) expect(overlap(a, b)).toBe(true);
  });

  it('orders a call after the call whose reply is in its prefix', async () => {
    const trace = await traceOf('First << a = generate_text() >> then << b = generate_text() >>');
    const [a, b] = [byPrompt(trace, 'First'), byPrompt(trace, 'then')];
    expect(b.prompt).toBe('First ok then ');
    expect(b.start_ms).toBeGreaterThanOrEqual(a.end_ms);
  });

  it('orders a call after the call whose result an argument reads', async () => {
    const trace = await traceOf(
      '<< a = generate_text("one") >><< b = generate_text("two " ~ a) >>',
    );
    expect(byPrompt(trace, 'two').start_ms).toBeGreaterThanOrEqual(byPrompt(trace, 'one').end_ms);
  });

  it('starts a call after an `if` on a pending reply at once when it does not depend on it', async () => {
    const trace = await traceOf(
      '<< a = generate_text("one") >>{% if a == "ok" %}<< generate_text("inside") >>{% endif %}<< generate_text("after") >>',
    );
    const [one, inside, after] = [
      byPrompt(trace, 'one'),
      byPrompt(trace, 'inside'),
      byPrompt(trace, 'after'),
    ];
    expect(overlap(one, after)).toBe(true);
    expect(inside.start_ms).toBeGreaterThanOrEqual(one.end_ms);
  });

  it('runs fork branches at the same time, each from the prefix at the fork', async () => {
    const trace = await traceOf(
      'Topic. {% fork %}{% branch %}A: << generate_text() >>{% endbranch %}{% branch %}B: << generate_text() >>{% endbranch %}{% endfork %}',
    );
    const [a, b] = [byPrompt(trace, 'A:'), byPrompt(trace, 'B:')];
    expect(a.prompt).toBe('Topic. A: ');
    expect(b.prompt).toBe('Topic. B: ');
    expect(overlap(a, b)).toBe(true);
    expect([a.sample, b.sample]).toEqual(['', '1']);
  });

  it('runs the calls inside one composition term together, and later terms after them', async () => {
    const trace = await traceOf(
      'Q << generate_text("x") ~ generate_text("y") + generate_text() >>',
    );
    const [x, y, last] = [
      byPrompt(trace, 'x'),
      byPrompt(trace, 'y'),
      trace.find((e) => e.prompt?.startsWith('Q '))!,
    ];
    expect(overlap(x, y)).toBe(true);
    expect(last.prompt).toBe('Q okok');
    expect(last.start_ms).toBeGreaterThanOrEqual(Math.max(x.end_ms, y.end_ms));
  });

  it('keeps at most `concurrency` calls of a backend in flight', async () => {
    const backend = createFakeBackend({ latency_ms: 20, default: 'ok' }, 'fake', {
      concurrency: 2,
    });
    const trace: TraceEvent[] = [];
    await run(template('{% for x in range(6) %}<< generate_text("n" ~ x) >>{% endfor %}').run(), {
      registry: createRegistry([backend]),
      trace: (event) => trace.push(event),
    });
    for (const event of trace) {
      const concurrent = trace.filter(
        (other) => other.start_ms <= event.start_ms && event.start_ms < other.end_ms,
      );
      expect(concurrent.length).toBeLessThanOrEqual(2);
    }
  });
});
