import { afterEach, describe, expect, it } from 'vitest';
import { BackendError } from '../../src/backends/backend-error.js';
import {
  backendFor,
  recordingSleep,
  textRequest,
} from '../helpers/provider-servers/backend-for.js';
import {
  startServer,
  type Reply,
  type TestServer,
} from '../helpers/provider-servers/http-server.js';
import { WIRE_USAGE, wireFormats } from '../helpers/provider-servers/wire-formats.js';

// Every provider runs the same scenarios against a local server speaking its wire format.
describe.each(wireFormats)('$provider over HTTP', (wire) => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  async function serve(respond: (index: number) => Reply): Promise<TestServer> {
    server = await startServer((_request, index) => respond(index));
    return server;
  }

  async function failure(promise: Promise<unknown>): Promise<BackendError> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackendError);
    return error as BackendError;
  }

  it('sends the prompt to the provider path with the key and returns the reply', async () => {
    const s = await serve(() => ({ status: 200, body: wire.answer('Menton') }));
    const reply = await backendFor(wire, s).complete(textRequest('Southernmost city in France?'));
    // Each wire format's usage (prompt_tokens, input_tokens, promptTokenCount…) is read.
    expect(reply).toEqual({ text: 'Menton', finishReason: 'stop', usage: WIRE_USAGE });
    expect(s.requests).toHaveLength(1);
    const [request] = s.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe(wire.requestPath);
    expect(wire.keyOf(request?.headers ?? {})).toBe('sk-test-key');
    expect(wire.userText(request?.body)).toBe('Southernmost city in France?');
  });

  it('reports a reply stopped by the token limit with finish reason length', async () => {
    const s = await serve(() => ({ status: 200, body: wire.truncated('Once upon a') }));
    const reply = await backendFor(wire, s).complete(textRequest('Tell a long story'));
    expect(reply).toEqual({ text: 'Once upon a', finishReason: 'length', usage: WIRE_USAGE });
  });

  it('waits as Retry-After says after a 429, then succeeds with exactly two requests', async () => {
    const s = await serve((i) =>
      i === 0
        ? { status: 429, headers: { 'retry-after': '3' }, body: wire.error('Rate limit reached') }
        : { status: 200, body: wire.answer('ok') },
    );
    const sleep = recordingSleep();
    const reply = await backendFor(wire, s, { sleep }).complete(textRequest('hi'));
    expect(reply).toEqual({ text: 'ok', finishReason: 'stop', usage: WIRE_USAGE });
    expect(s.requests).toHaveLength(2);
    expect(sleep.waits).toEqual([3000]);
  });

  it('gives up on 503 after 1 + max_retries requests, with the status and provider text', async () => {
    const s = await serve(() => ({
      status: 503,
      headers: { 'x-request-id': 'req_503' },
      body: wire.error('The engine is overloaded'),
    }));
    const sleep = recordingSleep();
    const error = await failure(
      backendFor(wire, s, { maxRetries: 3, sleep }).complete(textRequest('hi')),
    );
    expect(s.requests).toHaveLength(4);
    expect(sleep.waits).toHaveLength(3);
    expect(error.status).toBe(503);
    expect(error.requestId).toBe('req_503');
    expect(error.message).toContain('HTTP 503');
    expect(error.message).toContain('The engine is overloaded');
    expect(error.message).toContain('req_503');
    expect(error.message).toContain('gave up after 4 attempts');
  });

  it('fails a 401 at once, naming the variable that holds the key', async () => {
    const s = await serve(() => ({
      status: 401,
      headers: { 'request-id': 'req_401' },
      body: wire.error('invalid x-api-key'),
    }));
    const error = await failure(backendFor(wire, s).complete(textRequest('hi')));
    expect(s.requests).toHaveLength(1);
    expect(error.status).toBe(401);
    expect(error.message).toContain('invalid x-api-key');
    expect(error.message).toContain(wire.apiKeyEnv);
    expect(error.message).toContain('req_401');
    expect(error.message).not.toMatch(/\n\s+at /);
  });

  it('never retries 400, 403 or 404', async () => {
    for (const status of [400, 403, 404]) {
      const s = await serve(() => ({ status, body: wire.error(`status ${status}`) }));
      const error = await failure(backendFor(wire, s).complete(textRequest('hi')));
      expect(s.requests).toHaveLength(1);
      expect(error.status).toBe(status);
      await s.close();
      server = null;
    }
  });

  it('times out each attempt of a server that never answers', async () => {
    const s = await serve(() => ({ hang: true }));
    const sleep = recordingSleep();
    const error = await failure(
      backendFor(wire, s, { timeoutMs: 150, maxRetries: 1, sleep }).complete(textRequest('hi')),
    );
    expect(s.requests).toHaveLength(2);
    expect(error.message).toContain('no response within 150 ms');
    expect(error.message).toContain('gave up after 2 attempts');
  });

  it('reports an HTML page from a proxy as such, without retrying a 200', async () => {
    const s = await serve(() => ({
      status: 200,
      body: '<!doctype html><html><head><title>Sign in to Corp Proxy</title></head><body></body></html>',
    }));
    const error = await failure(backendFor(wire, s).complete(textRequest('hi')));
    expect(s.requests).toHaveLength(1);
    expect(error.message).toContain('malformed response');
    expect(error.message).toContain('HTML page titled "Sign in to Corp Proxy"');
  });

  it('retries a 502 HTML page and says what it was', async () => {
    const s = await serve(() => ({
      status: 502,
      body: '<html><head><title>502 Bad Gateway</title></head></html>',
    }));
    const error = await failure(
      backendFor(wire, s, { maxRetries: 1, sleep: recordingSleep() }).complete(textRequest('hi')),
    );
    expect(s.requests).toHaveLength(2);
    expect(error.message).toContain('HTTP 502 Bad Gateway');
    expect(error.message).toContain('HTML page titled "502 Bad Gateway"');
  });

  it('turns a body of the wrong shape into a clear error', async () => {
    const s = await serve(() => ({ status: 200, body: wire.malformed() }));
    const error = await failure(backendFor(wire, s).complete(textRequest('hi')));
    expect(s.requests).toHaveLength(1);
    expect(error.message).toMatch(/^(malformed response|the response has no reply text)/);
  });

  it('turns a reply without text into an error naming the finish reason', async () => {
    const s = await serve(() => ({ status: 200, body: wire.noText() }));
    const error = await failure(backendFor(wire, s).complete(textRequest('hi')));
    expect(error.message).toMatch(/^the response has no reply text \(finish reason: \w+\)/);
  });

  it('returns a genuinely empty reply as the empty string', async () => {
    const s = await serve(() => ({ status: 200, body: wire.emptyText() }));
    expect(await backendFor(wire, s).complete(textRequest('hi'))).toEqual({
      text: '',
      finishReason: 'stop',
      usage: WIRE_USAGE,
    });
  });

  it('aborts a request in flight at once, and the server sees the connection close', async () => {
    const s = await serve(() => ({ hang: true }));
    const controller = new AbortController();
    const pending = backendFor(wire, s).complete(textRequest('hi', controller.signal));
    await s.received(1);
    const abortedAt = Date.now();
    controller.abort();
    const error = await failure(pending);
    expect(error.message).toBe('request cancelled');
    expect(Date.now() - abortedAt).toBeLessThan(1000);
    await s.requests[0]?.closed;
    expect(s.requests[0]?.abortedByClient()).toBe(true);
    expect(s.requests).toHaveLength(1);
  });

  it('cancels a backoff wait at once', async () => {
    const s = await serve(() => ({
      status: 429,
      headers: { 'retry-after': '30' },
      body: wire.error('slow down'),
    }));
    const controller = new AbortController();
    const sleep = recordingSleep({ real: true });
    const pending = backendFor(wire, s, { sleep }).complete(textRequest('hi', controller.signal));
    await sleep.started;
    expect(sleep.waits).toEqual([30_000]);
    const abortedAt = Date.now();
    controller.abort();
    const error = await failure(pending);
    expect(error.message).toBe('request cancelled');
    expect(Date.now() - abortedAt).toBeLessThan(1000);
    expect(s.requests).toHaveLength(1);
  });

  it('fails at once when Retry-After exceeds the 60 s cap, saying how long', async () => {
    const s = await serve(() => ({
      status: 429,
      headers: { 'retry-after': '120' },
      body: wire.error('quota exhausted'),
    }));
    const sleep = recordingSleep();
    const error = await failure(backendFor(wire, s, { sleep }).complete(textRequest('hi')));
    expect(s.requests).toHaveLength(1);
    expect(sleep.waits).toEqual([]);
    expect(error.message).toContain('wait 120 s');
    expect(error.message).toContain('quota exhausted');
  });

  it('retries a refused connection as a network error', async () => {
    const s = await serve(() => ({ status: 200, body: wire.answer('unused') }));
    const backend = backendFor(wire, s, { maxRetries: 1, sleep: recordingSleep() });
    await s.close();
    server = null;
    const error = await failure(backend.complete(textRequest('hi')));
    expect(error.message).toMatch(/^cannot reach http:\/\/127\.0\.0\.1:\d+\/.*ECONNREFUSED/);
    expect(error.message).toContain('gave up after 2 attempts');
  });
});
