// `stream(e)` from TypeScript: text deltas per call, each call's end, then the result.
import { afterEach, describe, expect, it } from 'vitest';
import { copyRegistry, llm, parallel, stream, type StreamEvent } from '../../src/index.js';
import { createBackend } from '../../src/config/create-backend.js';
import { parseConfig } from '../../src/config/load-config.js';
import {
  startSseServer,
  streamChat,
  type SseServer,
} from '../helpers/provider-servers/sse-server.js';

describe('stream(e) with a streaming provider', () => {
  let server: SseServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('yields each call’s deltas between its start and its end, then the result', async () => {
    server = await startSseServer((sse, request) => {
      const messages = request.body.messages as { content: string }[];
      const word = messages[0]!.content;
      streamChat(sse, [`${word}-1 `, `${word}-2`]);
    });
    const config = parseConfig(
      `backends:\n  b:\n    provider: openai-compatible\n    model: m\n    base_url: ${server.url}/v1\n`,
      '/project/ot.config.yaml',
    );
    const registry = copyRegistry();
    registry.backends.b = createBackend('b', config, {});
    registry.defaultBackend = 'b';

    const events: StreamEvent<[string, string]>[] = [];
    for await (const event of stream(parallel(llm.generateText('a'), llm.generateText('b')), {
      registry,
    }))
      events.push(event);

    const starts = events.flatMap((e) => (e.type === 'start' ? [e] : []));
    expect(starts.map((e) => [e.id, e.builtin, e.backend])).toEqual([
      [0, 'generate_text', 'b'],
      [1, 'generate_text', 'b'],
    ]);
    for (const { id } of starts) {
      const mine = events.filter((e) => 'id' in e && e.id === id);
      expect(mine.map((e) => e.type)).toEqual(['start', 'delta', 'delta', 'end']);
      const text = mine.flatMap((e) => (e.type === 'delta' ? [e.text] : [])).join('');
      const end = mine[3] as Extract<StreamEvent<unknown>, { type: 'end' }>;
      expect(end.result).toBe(text);
      expect(end.cached).toBe(false);
      expect(end.usage).toEqual({ inputTokens: 3, outputTokens: 2 });
    }
    expect(events.filter((e) => e.type === 'call')).toHaveLength(2);
    expect(events.at(-1)).toEqual({ type: 'result', value: ['a-1 a-2', 'b-1 b-2'] });
  });
});
