import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backends/backend.js';
import { createBackend } from '../../src/config/create-backend.js';
import { parseConfig } from '../../src/config/load-config.js';
import { textRequest } from '../helpers/provider-servers/backend-for.js';
import {
  chatChunk,
  completionChunk,
  startSseServer,
  streamChat,
  type SseServer,
} from '../helpers/provider-servers/sse-server.js';

function backend(server: SseServer, extra: string[] = []): Backend {
  const text = [
    'backends:',
    '  b:',
    '    provider: openai-compatible',
    '    model: test-model',
    `    base_url: ${server.url}/v1`,
    ...extra.map((line) => `    ${line}`),
  ].join('\n');
  return createBackend(
    'b',
    parseConfig(text, '/project/ot.config.yaml'),
    {},
    {
      sleep: async () => {},
      random: () => 0.5,
    },
  );
}

/** A streamed text request recording its deltas. */
function streamed(signal?: AbortSignal) {
  const deltas: string[] = [];
  const request = textRequest('Tell me', signal, { onDelta: (text) => deltas.push(text) });
  return { deltas, request };
}

describe('streamed replies (OpenAI chat-completions SSE)', () => {
  let server: SseServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('passes each delta on in order and returns the whole reply with its usage', async () => {
    server = await startSseServer((stream) => streamChat(stream, ['Hel', 'lo', ' world']));
    const { deltas, request } = streamed();
    const reply = await backend(server).complete(request);
    expect(deltas).toEqual(['Hel', 'lo', ' world']);
    expect(reply).toEqual({
      text: 'Hello world',
      finishReason: 'stop',
      usage: { inputTokens: 3, outputTokens: 2 },
    });
    expect(server.requests[0]!.body).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('retries a stream that failed before any text was shown', async () => {
    server = await startSseServer((stream, _request, index) => {
      if (index === 0) stream.fail(503, { error: { message: 'busy' } });
      else streamChat(stream, ['ok']);
    });
    const { deltas, request } = streamed();
    const reply = await backend(server).complete(request);
    expect(deltas).toEqual(['ok']);
    expect((reply as { text: string }).text).toBe('ok');
    expect(server.requests).toHaveLength(2);
  });

  it('never retries a stream that broke after text was shown', async () => {
    server = await startSseServer((stream) => {
      stream.send(chatChunk('Hal'));
      setTimeout(() => stream.drop(), 50);
    });
    const { deltas, request } = streamed();
    await expect(backend(server, ['max_retries: 3']).complete(request)).rejects.toThrow(
      /the stream broke off: .*part of the reply was already shown; not retrying/,
    );
    expect(deltas).toEqual(['Hal']);
    expect(server.requests).toHaveLength(1);
  });

  it('cuts a stalled stream after stream_idle_ms, and retries it when nothing was shown', async () => {
    server = await startSseServer((stream, _request, index) => {
      if (index === 0) return; // headers never come: stalled
      streamChat(stream, ['late']);
    });
    const { deltas, request } = streamed();
    const reply = await backend(server, ['stream_idle_ms: 1000']).complete(request);
    expect((reply as { text: string }).text).toBe('late');
    expect(deltas).toEqual(['late']);
    expect(server.requests).toHaveLength(2);
  });

  it('fails a stream that stalls after text was shown, without retrying', async () => {
    server = await startSseServer((stream) => {
      stream.send(chatChunk('Half'));
      // …and nothing more.
    });
    const { deltas, request } = streamed();
    await expect(
      backend(server, ['stream_idle_ms: 1000', 'max_retries: 2']).complete(request),
    ).rejects.toThrow(/the stream stalled: nothing received for 1000 ms \(stream_idle_ms\)/);
    expect(deltas).toEqual(['Half']);
    expect(server.requests).toHaveLength(1);
  });

  it('stops reading and closes the connection when cancelled mid-stream', async () => {
    server = await startSseServer((stream) => stream.send(chatChunk('Start')));
    const controller = new AbortController();
    const deltas: string[] = [];
    const request = textRequest('Tell me', controller.signal, {
      onDelta: (text) => {
        deltas.push(text);
        controller.abort(new Error('stop'));
      },
    });
    await expect(backend(server).complete(request)).rejects.toThrow(/request cancelled/);
    expect(deltas).toEqual(['Start']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.requests[0]!.abortedByClient()).toBe(true);
  });

  it('streams a completion-mode reply from /v1/completions', async () => {
    server = await startSseServer((stream) => {
      stream.send(completionChunk(' 4'));
      stream.send(completionChunk('.', 'stop'));
      stream.end();
    });
    const { deltas, request } = streamed();
    const reply = await backend(server, ['mode: completion']).complete(request);
    expect(deltas).toEqual([' 4', '.']);
    expect(reply).toBe(' 4.');
    expect(server.requests[0]!.path).toBe('/v1/completions');
    expect(server.requests[0]!.body).toMatchObject({ prompt: 'Tell me', stream: true });
  });
});

describe('streamed replies (Anthropic Messages SSE)', () => {
  let server: SseServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('passes each text delta on and reports the usage', async () => {
    server = await startSseServer((stream) => {
      stream.send({
        type: 'message_start',
        message: {
          id: 'msg_1',
          type: 'message',
          role: 'assistant',
          model: 'claude-sonnet-4-5',
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: 4, output_tokens: 1 },
        },
      });
      stream.send({
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'text', text: '' },
      });
      for (const text of ['Bon', 'jour'])
        stream.send({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } });
      stream.send({ type: 'content_block_stop', index: 0 });
      stream.send({
        type: 'message_delta',
        delta: { stop_reason: 'end_turn', stop_sequence: null },
        usage: { output_tokens: 2 },
      });
      stream.send({ type: 'message_stop' });
      stream.end(false);
    });
    const text = [
      'backends:',
      '  c:',
      '    provider: anthropic',
      '    model: claude-sonnet-4-5',
      `    base_url: ${server.url}/v1`,
    ].join('\n');
    const claude = createBackend('c', parseConfig(text, '/project/ot.config.yaml'), {
      ANTHROPIC_API_KEY: 'sk-test',
    });
    const { deltas, request } = streamed();
    const reply = await claude.complete(request);
    expect(deltas).toEqual(['Bon', 'jour']);
    expect(reply).toEqual({
      text: 'Bonjour',
      finishReason: 'stop',
      usage: { inputTokens: 4, outputTokens: 2 },
    });
    expect(server.requests[0]!.path).toBe('/v1/messages');
    expect(server.requests[0]!.body).toMatchObject({ stream: true });
  });
});

describe('streamed replies (Gemini streamGenerateContent SSE)', () => {
  let server: SseServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  /** One `streamGenerateContent` chunk: a candidate carrying `text`, maybe finished. */
  const geminiChunk = (text: string, finishReason?: string): object => ({
    candidates: [
      {
        content: { parts: [{ text }], role: 'model' },
        index: 0,
        ...(finishReason ? { finishReason } : {}),
      },
    ],
    usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 3, totalTokenCount: 8 },
    modelVersion: 'gemini-2.5-flash',
  });

  const gemini = (url: string): Backend =>
    createBackend(
      'g',
      parseConfig(
        [
          'backends:',
          '  g:',
          '    provider: google',
          '    model: gemini-2.5-flash',
          `    base_url: ${url}/v1beta`,
          '    max_retries: 0',
        ].join('\n'),
        '/project/ot.config.yaml',
      ),
      { GEMINI_API_KEY: 'g-test' },
    );

  it('passes each text delta on and reports the usage', async () => {
    server = await startSseServer((stream) => {
      stream.send(geminiChunk('Bue'));
      stream.send(geminiChunk('nos '));
      stream.send(geminiChunk('días', 'STOP'));
      stream.end(false);
    });
    const { deltas, request } = streamed();
    const reply = await gemini(server.url).complete(request);
    expect(deltas).toEqual(['Bue', 'nos ', 'días']);
    expect(reply).toEqual({
      text: 'Buenos días',
      finishReason: 'stop',
      usage: { inputTokens: 5, outputTokens: 3 },
    });
    expect(server.requests[0]!.path).toBe(
      '/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
    );
    expect(server.requests[0]!.body).toMatchObject({
      contents: [{ role: 'user', parts: [{ text: 'Tell me' }] }],
    });
  });

  it('reports a reply cut at the token limit as truncated', async () => {
    server = await startSseServer((stream) => {
      stream.send(geminiChunk('Once upon'));
      stream.send(geminiChunk(' a', 'MAX_TOKENS'));
      stream.end(false);
    });
    const { deltas, request } = streamed();
    const reply = await gemini(server.url).complete(request);
    expect(deltas).toEqual(['Once upon', ' a']);
    expect(reply).toMatchObject({ text: 'Once upon a', finishReason: 'length' });
  });

  it('fails a stream blocked without any text, as an unstreamed reply without text fails', async () => {
    server = await startSseServer((stream) => {
      stream.send({
        candidates: [{ finishReason: 'SAFETY', index: 0 }],
        usageMetadata: { promptTokenCount: 5, totalTokenCount: 5 },
      });
      stream.end(false);
    });
    const { deltas, request } = streamed();
    await expect(gemini(server.url).complete(request)).rejects.toThrow(
      /no reply text \(finish reason: SAFETY\)/,
    );
    expect(deltas).toEqual([]);
  });

  it('keeps a genuinely empty streamed reply (finished, no text)', async () => {
    server = await startSseServer((stream) => {
      stream.send(geminiChunk('', 'STOP'));
      stream.end(false);
    });
    const { request } = streamed();
    expect(await gemini(server.url).complete(request)).toMatchObject({ text: '' });
  });

  it('fails a stream that breaks off after text was passed on, without retrying', async () => {
    server = await startSseServer((stream) => {
      stream.send(geminiChunk('Half'));
      setTimeout(() => stream.drop(), 50);
    });
    const { deltas, request } = streamed();
    await expect(gemini(server.url).complete(request)).rejects.toThrow();
    expect(deltas).toEqual(['Half']);
    expect(server.requests).toHaveLength(1);
  });
});
