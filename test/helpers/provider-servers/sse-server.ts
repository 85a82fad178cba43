import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One streamed request as the test server saw it. */
export interface SseRequest {
  path: string;
  body: Record<string, unknown>;
  /** True once the client closed the connection before the server ended the stream. */
  abortedByClient: () => boolean;
}

/** How the server answers one request: SSE events one by one, or a plain error status. */
export interface SseStream {
  /** Sends one `data:` event (an object is sent as JSON). */
  send(data: object | string): void;
  /** Ends the stream normally (after `data: [DONE]` when `done`). */
  end(done?: boolean): void;
  /** Cuts the connection half-way. */
  drop(): void;
  /** Answers with an HTTP error instead of a stream. */
  fail(status: number, body: object): void;
}

/** A local server speaking server-sent events, driven step by step by `script`. */
export interface SseServer {
  url: string;
  requests: SseRequest[];
  close(): Promise<void>;
}

/** Starts an SSE server on 127.0.0.1; `script` runs once per request (index from 0). */
export async function startSseServer(
  script: (stream: SseStream, request: SseRequest, index: number) => void | Promise<void>,
): Promise<SseServer> {
  const requests: SseRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let ended = false;
      let closedEarly = false;
      res.once('close', () => {
        if (!ended) closedEarly = true;
      });
      const request: SseRequest = {
        path: req.url ?? '',
        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>,
        abortedByClient: () => closedEarly,
      };
      requests.push(request);
      void script(
        streamOf(res, () => (ended = true)),
        request,
        requests.length - 1,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function streamOf(res: ServerResponse, markEnded: () => void): SseStream {
  let started = false;
  const start = (): void => {
    if (started) return;
    started = true;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.flushHeaders();
  };
  return {
    send(data) {
      start();
      res.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
    },
    end(done = true) {
      start();
      markEnded();
      if (done) res.write('data: [DONE]\n\n');
      res.end();
    },
    drop() {
      start();
      markEnded();
      res.socket?.destroy();
    },
    fail(status, body) {
      markEnded();
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    },
  };
}

/** An OpenAI chat-completions stream chunk carrying `content`. */
export function chatChunk(content: string): object {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: 'test-model',
    choices: [{ index: 0, delta: { role: 'assistant', content }, finish_reason: null }],
  };
}

/** The last chunks of a chat-completions stream: the finish reason, then the usage. */
export function chatFinish(finishReason = 'stop'): object[] {
  return [
    {
      id: 'chatcmpl-1',
      object: 'chat.completion.chunk',
      created: 1_700_000_000,
      model: 'test-model',
      choices: [{ index: 0, delta: {}, finish_reason: finishReason }],
    },
    {
      id: 'chatcmpl-1',
      object: 'chat.completion.chunk',
      created: 1_700_000_000,
      model: 'test-model',
      choices: [],
      usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
    },
  ];
}

/** Streams `pieces` as a whole chat-completions reply. */
export function streamChat(stream: SseStream, pieces: readonly string[]): void {
  for (const piece of pieces) stream.send(chatChunk(piece));
  for (const chunk of chatFinish()) stream.send(chunk);
  stream.end();
}

/** A `/v1/completions` stream chunk carrying `text`. */
export function completionChunk(text: string, finishReason: string | null = null): object {
  return {
    id: 'cmpl-1',
    object: 'text_completion',
    created: 1_700_000_000,
    model: 'test-model',
    choices: [{ text, index: 0, logprobs: null, finish_reason: finishReason }],
  };
}
