// A stream cancelled half-way through the runtime: the call's stream ends with an error, and
// nothing is cached (the next run makes the call again).
import { afterEach, expect, it } from 'vitest';
import { copyRegistry, llm, run, type CallStreamEvent } from '../../src/index.js';
import { openCache } from '../../src/cache/open-cache.js';
import { createBackend } from '../../src/config/create-backend.js';
import { parseConfig } from '../../src/config/load-config.js';
import {
  chatChunk,
  startSseServer,
  streamChat,
  type SseServer,
} from '../helpers/provider-servers/sse-server.js';

let server: SseServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

it('does not cache a stream cancelled mid-way', async () => {
  server = await startSseServer((stream, _request, index) => {
    if (index === 0) stream.send(chatChunk('Once'));
    else streamChat(stream, ['Once upon a time']);
  });
  const config = parseConfig(
    `backends:\n  b:\n    provider: openai-compatible\n    model: m\n    base_url: ${server.url}/v1\n`,
    '/project/ot.config.yaml',
  );
  const registry = copyRegistry();
  registry.backends.b = createBackend('b', config, {});
  registry.defaultBackend = 'b';
  const cache = await openCache('memory', { cwd: process.cwd(), onWarning: () => {} });

  const controller = new AbortController();
  const events: CallStreamEvent[] = [];
  await expect(
    run(llm.generateText('story'), {
      registry,
      cache,
      signal: controller.signal,
      onStream: (event) => {
        events.push(event);
        if (event.type === 'delta') controller.abort(new Error('cancelled by the test'));
      },
    }),
  ).rejects.toThrow();
  expect(events.map((e) => e.type)).toEqual(['start', 'delta', 'error']);

  const again = await run(llm.generateText('story'), { registry, cache, onStream: () => {} });
  expect(again).toBe('Once upon a time');
  expect(server.requests).toHaveLength(2);
  await cache.close();
});
