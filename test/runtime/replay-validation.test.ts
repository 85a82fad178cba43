import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFakeBackend } from '../../src/backends/fake/fake-backend.js';
import type { Backend } from '../../src/backends/backend.js';
import { BackendError } from '../../src/backends/backend-error.js';
import type { CallCache } from '../../src/cache/call-cache.js';
import { openCache } from '../../src/cache/open-cache.js';
import type { JsonSchema } from '../../src/ir/ir.js';
import { run } from '../../src/runtime/api/run.js';
import { CallContext } from '../../src/runtime/call-context.js';
import { createRegistry } from '../../src/runtime/registry/registry.js';
import type { RunContext } from '../../src/runtime/run-context.js';
import { Session } from '../../src/runtime/session.js';
import type { TraceEvent } from '../../src/runtime/trace.js';
import { template } from '../../src/template.js';
import {
  EVERY_BUILTIN_FAKE,
  EVERY_BUILTIN_FLOW,
  EVERY_BUILTIN_RESULT,
  recordingCache,
  tamperDiskCache,
  tamperEntries,
  tamperedValue,
} from './helpers/replay-flow.js';

async function runFlow(cache: CallCache, options: { outage?: boolean } = {}) {
  const trace: TraceEvent[] = [];
  const warnings: string[] = [];
  const healthy = createFakeBackend(EVERY_BUILTIN_FAKE, 'fake');
  // An outage keeps the backend's identity (editing the fake's rules would change it, and then
  // nothing would replay): only the cache can answer.
  const backend: Backend = options.outage
    ? { ...healthy, complete: () => Promise.reject(new BackendError('no backend calls expected')) }
    : healthy;
  const result = await run(template(EVERY_BUILTIN_FLOW, { path: 'every.ot' }).run(), {
    registry: createRegistry([backend]),
    cache,
    trace: (event) => trace.push(event),
    onWarning: (message) => warnings.push(message),
  });
  return { text: result.text.trim().split('\n').at(-1), trace, warnings };
}

/** Every tampered builtin must be named by one warning. */
const TAMPERED_WARNINGS = [
  /the cached generate_text at every\.ot:1:\d+ is the number 42, not a string; treated as a miss/,
  /the cached generate_texts at every\.ot:2:\d+ is a list, not a string; treated as a miss/,
  /the cached generate_object at every\.ot:3:\d+ does not match the schema: \/n must be integer; treated as a miss/,
  /the cached select at every\.ot:4:\d+ is "green", not one of the options "red", "blue"; treated as a miss/,
  /the cached instruct at every\.ot:5:\d+ is an object, not a string; treated as a miss/,
  /the cached chat at every\.ot:6:\d+ is an object, not a string; treated as a miss/,
];

async function expectTamperedEntriesReplaced(cache: CallCache & { keys: Set<string> }) {
  const first = await runFlow(cache);
  expect(first.text).toBe(EVERY_BUILTIN_RESULT);
  expect(await tamperEntries(cache, cache.keys)).toBe(7);

  const replay = await runFlow(cache);
  expect(replay.text).toBe(EVERY_BUILTIN_RESULT);
  expect(replay.trace.filter((e) => e.cached)).toEqual([]);
  // One warning per entry: generate_texts' two samples are two entries.
  expect(
    TAMPERED_WARNINGS.map((pattern) => replay.warnings.filter((w) => pattern.test(w)).length),
  ).toEqual([1, 2, 1, 1, 1, 1]);
  expect(replay.warnings).toHaveLength(7);
  expect(replay.trace.every((e) => e.warning?.startsWith('cached value rejected: it '))).toBe(true);

  // The fresh replies overwrote the bad entries: the next run replays them, without a word.
  const third = await runFlow(cache);
  expect(third.text).toBe(EVERY_BUILTIN_RESULT);
  expect(third.trace.every((e) => e.cached)).toBe(true);
  expect(third.warnings).toEqual([]);
}

describe('replayed values are checked like fresh replies', () => {
  it('memory cache: a tampered entry of each builtin is a miss with a warning, then overwritten', async () => {
    await expectTamperedEntriesReplaced(recordingCache(await openCache('memory', { cwd: '.' })));
  });

  it('disk cache: the same, through the cache API', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ot-replay-check-'));
    const cache = recordingCache(await openCache(dir, { cwd: '.', hmacKey: '' }));
    await expectTamperedEntriesReplaced(cache);
    await cache.close();
  });

  it('disk cache: entries rewritten with a valid checksum but altered content are misses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ot-replay-check-'));
    const open = () => openCache(dir, { cwd: '.', hmacKey: '' });
    const first = await open();
    expect((await runFlow(first)).text).toBe(EVERY_BUILTIN_RESULT);
    await first.close();
    expect(await tamperDiskCache(dir)).toBe(7);
    const second = await open();
    const replay = await runFlow(second);
    await second.close();
    expect(replay.text).toBe(EVERY_BUILTIN_RESULT);
    expect(replay.trace.filter((e) => e.cached)).toEqual([]);
    expect(replay.warnings).toHaveLength(7);
  });

  it('a valid replay is used as is, without a warning', async () => {
    const cache = await openCache('memory', { cwd: '.' });
    await runFlow(cache);
    const replay = await runFlow(cache, { outage: true });
    expect(replay.text).toBe(EVERY_BUILTIN_RESULT);
    expect(replay.warnings).toEqual([]);
  });

  it('each builtin has a value it rejects', () => {
    expect(tamperedValue({ builtin: 'select', value: 'red', createdAt: '' })).toBe('green');
  });
});

describe('single flight', () => {
  it('a joined value is checked against the joiner own expectation', async () => {
    const backend = createFakeBackend({ default: '"a string"', latency_ms: 20 }, 'fake');
    const session = new Session({ cache: await openCache('off', { cwd: '.' }) });
    const warnings: string[] = [];
    const run: RunContext = {
      session,
      registry: createRegistry([backend]),
      backendName: null,
      trace: null,
      startedAt: performance.now(),
      sample: '',
      warn: (message) => warnings.push(message),
    };
    const context = new CallContext(run, () => backend);
    // Same builtin, prompt and (empty) extra: one key, two schemas; only an API user's own
    // builtin can do this, and the joiner must not get a value its schema rejects.
    const call = (schema: JsonSchema) =>
      context.complete({
        builtin: 'generate_object',
        prompt: 'p',
        messages: null,
        args: {},
        responseSchema: schema,
        info: { sample: '', location: '' },
        finish: (reply) => JSON.parse(reply) as unknown,
      });
    const [asString, asNumber] = await Promise.allSettled([
      call({ type: 'string' }),
      call({ type: 'number' }),
    ]);
    expect(asString).toEqual({ status: 'fulfilled', value: 'a string' });
    expect(asNumber.status).toBe('rejected');
    expect(String((asNumber as PromiseRejectedResult).reason)).toMatch(
      /the reply does not match the schema: value must be number/,
    );
  });
});
