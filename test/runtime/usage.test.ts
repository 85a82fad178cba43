// Usage and cost of calls: counted by the fake, stored with the result, replayed, summed.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backends/backend.js';
import { createFakeBackend } from '../../src/backends/fake/fake-backend.js';
import type { FakeBackendSpec } from '../../src/backends/fake/fake-spec.js';
import { entryHmac, withEntryHmac } from '../../src/cache/cache-hmac.js';
import type { CachedEntry, CallCache } from '../../src/cache/call-cache.js';
import { openCache } from '../../src/cache/open-cache.js';
import { run } from '../../src/runtime/api/run.js';
import { createRegistry } from '../../src/runtime/registry/registry.js';
import type { TraceEvent } from '../../src/runtime/trace.js';
import { callCostUsd } from '../../src/runtime/usage/call-cost.js';
import { formatUsd } from '../../src/runtime/usage/format-usd.js';
import { sumUsage, type UsageTotals } from '../../src/runtime/usage/usage-totals.js';
import { template } from '../../src/template.js';

// cl100k_base counts: "alpha" 1 token, "beta" 1, "x" 1.
const flow = '<< a = generate_text("alpha") >> << b = generate_text("beta") >>';
const price = { input: 3, output: 15 };

function pricedFake(spec: FakeBackendSpec): Backend {
  return { ...createFakeBackend(spec, 'fake'), price };
}

async function runFlow(backend: Backend, cache: CallCache, source = flow) {
  const trace: TraceEvent[] = [];
  let totals: UsageTotals | null = null;
  await run(template(source, { path: 'usage.ot' }).run(), {
    registry: createRegistry([backend]),
    cache,
    trace: (event) => trace.push(event),
    onUsage: (usage) => (totals = usage),
  });
  return { trace, totals: totals as UsageTotals | null };
}

describe('usage and cost of calls', () => {
  it('costs input and output tokens at the price per million', () => {
    expect(callCostUsd({ inputTokens: 1000, outputTokens: 200 }, price)).toBe(0.006);
    expect(callCostUsd({ inputTokens: 1, outputTokens: 1 }, price)).toBe(0.000018);
    expect(formatUsd(0.006)).toBe('$0.0060');
    expect(formatUsd(0.000018)).toBe('$0.000018');
    expect(formatUsd(12.5)).toBe('$12.50');
    expect(formatUsd(0)).toBe('$0');
  });

  it('traces the fake’s counted tokens and cost; a replay reports them as saved', async () => {
    const cache = await openCache('memory', { cwd: '.' });
    const backend = pricedFake({ default: 'x' });
    const first = await runFlow(backend, cache);
    // Each call: 1 input token ("alpha"/"beta"), 1 output token ("x"): 3 + 15 USD per million.
    expect(first.trace.map((e) => [e.cached, e.usage, e.cost_usd, e.saved_usd])).toEqual([
      [false, { input_tokens: 1, output_tokens: 1 }, 0.000018, undefined],
      [false, { input_tokens: 1, output_tokens: 1 }, 0.000018, undefined],
    ]);
    expect(first.totals).toMatchObject({
      callsMade: 2,
      callsCached: 0,
      inputTokens: 2,
      outputTokens: 2,
      costUsd: 0.000036,
      savedUsd: null,
    });

    const second = await runFlow(backend, cache);
    expect(second.trace.map((e) => [e.cached, e.usage, e.cost_usd, e.saved_usd])).toEqual([
      [true, { input_tokens: 1, output_tokens: 1 }, 0, 0.000018],
      [true, { input_tokens: 1, output_tokens: 1 }, 0, 0.000018],
    ]);
    expect(second.totals).toMatchObject({
      callsMade: 0,
      callsCached: 2,
      inputTokens: 0,
      cachedInputTokens: 2,
      cachedOutputTokens: 2,
      costUsd: 0,
      savedUsd: 0.000036,
    });
  });

  it('sums a mix of new and cached calls, and counts calls without usage', () => {
    const base = {
      builtin: 'generate_text',
      prompt: 'p',
      messages: null,
      args: {},
      result: 'r',
      sample: '',
      backend: 'b',
      start_ms: 0,
      end_ms: 1,
      location: '',
    };
    const totals = sumUsage([
      { ...base, cached: false, usage: { input_tokens: 100, output_tokens: 10 }, cost_usd: 0.1 },
      { ...base, cached: false, usage: { input_tokens: 50, output_tokens: 5 }, cost_usd: 0.2 },
      {
        ...base,
        cached: true,
        usage: { input_tokens: 70, output_tokens: 7 },
        cost_usd: 0,
        saved_usd: 0.3,
      },
      { ...base, cached: true },
    ]);
    expect(totals).toEqual({
      callsMade: 2,
      callsCached: 2,
      inputTokens: 150,
      outputTokens: 15,
      cachedInputTokens: 70,
      cachedOutputTokens: 7,
      callsWithoutUsage: 1,
      // 0.1 + 0.2 without floating-point noise.
      costUsd: 0.3,
      savedUsd: 0.3,
    });
  });

  it('has usage but no cost without a price', async () => {
    const cache = await openCache('memory', { cwd: '.' });
    const { trace, totals } = await runFlow(createFakeBackend({ default: 'x' }, 'fake'), cache);
    expect(trace[0]).toMatchObject({ usage: { input_tokens: 1, output_tokens: 1 } });
    expect(trace[0]).not.toHaveProperty('cost_usd');
    expect(totals?.costUsd).toBeNull();
  });

  it('stores usage in the cache entry, and the HMAC covers it', async () => {
    const stored = new Map<string, CachedEntry>();
    const store: CallCache = {
      description: 'test store',
      get: async (key) => stored.get(key),
      set: async (key, entry) => void stored.set(key, entry),
      close: async () => undefined,
    };
    const warnings: string[] = [];
    const signed = withEntryHmac(store, 'secret', (message) => warnings.push(message));
    const backend = pricedFake({
      replies: [{ match: 'alpha', reply: 'x', usage: { input: 40, output: 2 } }],
      default: 'y',
    });
    await runFlow(backend, signed, '<< a = generate_text("alpha") >>');
    const [[key, entry]] = [...stored.entries()] as [[string, CachedEntry]];
    expect(entry.usage).toEqual({ inputTokens: 40, outputTokens: 2 });
    expect(entry.hmac).toBe(entryHmac('secret', key, { ...entry, hmac: undefined }));

    // Lowering the recorded usage without the secret makes the entry a miss.
    stored.set(key, { ...entry, usage: { inputTokens: 1, outputTokens: 0 } });
    const again = await runFlow(backend, signed, '<< a = generate_text("alpha") >>');
    expect(again.trace[0]?.cached).toBe(false);
    expect(warnings.join('\n')).toContain('has an HMAC that does not match');
  });

  it('an entry signed before usage was recorded keeps its HMAC', () => {
    const entry: CachedEntry = { value: 'x', createdAt: '2025-01-01T00:00:00.000Z', builtin: 'g' };
    // The signature of an entry without usage is what it always was: key, value, finish reason.
    const before = createHmac('sha256', 's').update('["k","x",null]').digest('hex');
    expect(entryHmac('s', 'k', entry)).toBe(before);
    expect(entryHmac('s', 'k', entry)).not.toBe(
      entryHmac('s', 'k', { ...entry, usage: { inputTokens: 0, outputTokens: 0 } }),
    );
  });
});
