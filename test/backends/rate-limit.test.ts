import { textOf } from '../helpers/reply-text.js';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../src/runtime/api/run.js';
import { createRegistry } from '../../src/runtime/registry/registry.js';
import { template } from '../../src/template.js';
import { BackendLimiter } from '../../src/runtime/backend-limiter.js';
import {
  backendFor,
  recordingSleep,
  textRequest,
} from '../helpers/provider-servers/backend-for.js';
import { startServer, type TestServer } from '../helpers/provider-servers/http-server.js';
import { wireFormats } from '../helpers/provider-servers/wire-formats.js';

const wire = wireFormats.find((w) => w.provider === 'openai-compatible')!;

/**
 * An OpenAI-compatible server that takes at most `perSecond` requests in any sliding second and
 * answers 429 with `retry-after-ms` (until the oldest request in the window leaves it) beyond.
 */
async function rateLimitedServer(perSecond: number) {
  const accepted: number[] = [];
  let refused = 0;
  const server = await startServer(() => {
    const now = performance.now();
    while (accepted.length > 0 && accepted[0]! <= now - 1000) accepted.shift();
    if (accepted.length >= perSecond) {
      refused++;
      return {
        status: 429,
        headers: { 'retry-after-ms': String(Math.ceil(accepted[0]! + 1000 - now)) },
        body: wire.error('Rate limit reached for requests'),
      };
    }
    accepted.push(now);
    return { status: 200, body: wire.answer('ok') };
  });
  return { server, refused: () => refused };
}

const fanOut = (n: number) =>
  template(`{% for i in range(${n}) %}<< generate_text("item " ~ i) >>{% endfor %}`, {
    path: 'fan-out.ot',
  });

describe('rate limits against a server that enforces them', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  // rpm at 80% of the server's limit: 51 requests then span 1.25 s, so only a stall of a quarter
  // of a second between the limiter and the server (a loaded CI machine) could bunch them into
  // one sliding second. (The bench measures 95% of the limit, on a quiet machine.)
  it('sends 300 calls at rpm 2400 to a 50-per-second server with few 429s, all succeeding', async () => {
    const limited = await rateLimitedServer(50);
    server = limited.server;
    const backend = backendFor(wire, server, {
      maxRetries: 5,
      extra: '    rpm: 2400\n    concurrency: 16',
    });
    const output = await run(fanOut(300).run({}), { registry: createRegistry([backend]) });
    expect(output.text).toBe('ok'.repeat(300));
    // Without `rpm` the same run is refused hundreds of times (the next test).
    expect(limited.refused()).toBeLessThanOrEqual(3);
    expect(server.requests.length).toBe(300 + limited.refused());
  });

  // Shows the server's limit bites, so the bound above means something.
  it('without rpm the same server refuses many calls; AIMD and Retry-After keep them from failing', async () => {
    const limited = await rateLimitedServer(50);
    server = limited.server;
    // 8 retries: on a starved machine late timers bunch requests, and one call was seen refused
    // six times in a row; what this pins is that the backoff gets every call through.
    const backend = backendFor(wire, server, { maxRetries: 8, extra: '    concurrency: 16' });
    const output = await run(fanOut(150).run({}), { registry: createRegistry([backend]) });
    expect(output.text).toBe('ok'.repeat(150));
    expect(limited.refused()).toBeGreaterThan(5);
  });

  it("holds the backend's other calls for a 429's Retry-After, not only the refused one", async () => {
    // Refuses the first request and every request in the 300 ms after it.
    let closedUntil = -Infinity;
    let refused = 0;
    server = await startServer(() => {
      const now = performance.now();
      if (refused === 0 || now < closedUntil) {
        if (refused === 0) closedUntil = now + 300;
        refused++;
        return {
          status: 429,
          headers: { 'retry-after-ms': String(Math.ceil(closedUntil - now)) },
          body: wire.error('Rate limit reached'),
        };
      }
      return { status: 200, body: wire.answer('ok') };
    });
    const sleep = recordingSleep({ real: true });
    const backend = backendFor(wire, server, { sleep });
    const limiter = new BackendLimiter(4, { rpm: null, tpm: null });
    const first = textRequest('a');
    const a = backend.complete({ ...first, rate: limiter.gate(first) });
    await sleep.started;
    // Sent after the 429 came back: it waits out the same Retry-After instead of being refused.
    const second = textRequest('b');
    const b = backend.complete({ ...second, rate: limiter.gate(second) });
    expect((await Promise.all([a, b])).map(textOf)).toEqual(['ok', 'ok']);
    expect(refused).toBe(1);
    // Halved to 2 by the 429, then one round of 2 successes gave one back.
    expect(limiter.concurrency).toBe(3);
  });
});
